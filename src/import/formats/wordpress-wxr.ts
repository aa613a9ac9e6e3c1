import type { SourceAuthor, SourceItem, SourceParser, SourcePostStatus } from '../source-records';
import { isUnsetWordPressDate, parseWordPressDate } from './export-dates';
import { malformed, recordParser, type RecordMapper } from './record-parser';
import { wxrComments } from './wxr-comments';
import { childrenNamed, childText, isWordPressNamespace, NS, wpChild, wpText, type XmlElement } from './xml-element';
import type { ElementPath } from './xml-records';

/**
 * WordPress's WXR ("Tools > Export"; wp-admin/includes/export.php), versions 1.1 and 1.2 (1.0
 * reads too): RSS 2.0 with a `wp:` namespace whose URI names the version. The channel lists its
 * authors (wp:author: login, email, display name) before the items; each item is a post of some
 * type (post, page, attachment, nav_menu_item, custom types) with its comments nested in it, so a
 * post comes whole, comments included. Text fields are CDATA (more of them since WordPress 5.x).
 * Model read: the WordPress importer's parsers (class-wxr-parser-simplexml.php).
 */

const STATUSES: Record<string, SourcePostStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft', // waiting for an editor's review: not live, so a draft here
  'auto-draft': 'draft',
  private: 'private',
  trash: 'trash',
};

const SKIPPED_TYPES: Record<string, string> = {
  page: 'pages are not imported, only posts',
  attachment: 'media library entries are not imported (bodies keep their image URLs)',
  nav_menu_item: 'menu entries are not imported',
  revision: 'revisions are not imported, only the current text',
};

/** More authors than any blog has: past it a file is not an export, and the list stops growing. */
const MAX_AUTHORS = 10_000;

/** The taxonomies that are tags here; others (post_format, custom ones) say nothing to readers. */
const TAG_DOMAINS = new Set(['category', 'post_tag']);
/** WordPress files every post without a category under its default one: that says nothing either. */
const DEFAULT_CATEGORY = 'uncategorized';

function isWxrRecord(path: ElementPath): boolean {
  if (path.length !== 3 || path[0].local !== 'rss' || path[1].local !== 'channel') return false;
  const [record] = path.slice(2);
  return (
    (record.uri === NS.none && record.local === 'item') ||
    (record.local === 'author' && isWordPressNamespace(record.uri))
  );
}

function postItems(item: XmlElement, id: string, authors: Map<string, SourceAuthor>): SourceItem[] {
  const comments = item.children.filter(isComment);
  const type = wpText(item, 'post_type');
  if (type !== 'post') {
    const dropped = comments.length > 0 ? ` (nor its ${comments.length} comments)` : '';
    const reason = (SKIPPED_TYPES[type] ?? `posts of type "${type}" are not imported`) + dropped;
    return [{ kind: 'skipped', sourceId: id, what: type, reason, line: item.line }];
  }
  const title = childText(item, NS.none, 'title');
  const bodyHtml = childText(item, NS.content, 'encoded');
  if (!title && !bodyHtml) return [malformed(item, id, 'the post has neither a title nor a body')];
  const wpStatus = wpText(item, 'status');
  const status = STATUSES[wpStatus];
  if (!status) return [malformed(item, id, `unknown wp:status "${wpStatus}"`)];
  const createdAt = postDate(item);
  if (!createdAt) return [malformed(item, id, 'the post has no readable wp:post_date_gmt')];
  const modified = wpText(item, 'post_modified_gmt');
  const login = childText(item, NS.dc, 'creator');
  const isPublic = status === 'published' || status === 'scheduled';
  const { kept, others } = wxrComments(comments);
  const post = {
    sourceId: id,
    title,
    bodyHtml,
    status,
    publishedAt: status === 'draft' ? null : createdAt,
    createdAt,
    updatedAt: (isUnsetWordPressDate(modified) ? null : parseWordPressDate(modified)) ?? createdAt,
    tags: childrenNamed(item, NS.none, 'category')
      .filter((category) => TAG_DOMAINS.has(category.attrs.domain ?? ''))
      .filter((category) => !(category.attrs.domain === 'category' && category.attrs.nicename === DEFAULT_CATEGORY))
      .map((category) => category.text.trim())
      .filter((name) => name !== ''),
    // An author deleted before the export leaves dc:creator empty: the writer decides who it is.
    author: authors.get(login) ?? { sourceId: login, name: login, email: null },
    // A draft's <link> is ?p=ID, a preview rather than an address anyone was given.
    oldUrl: isPublic ? childText(item, NS.none, 'link') || null : null,
    oldSlug: slug(wpText(item, 'post_name'), status),
    comments: kept,
  };
  return [{ kind: 'post', post, line: item.line }, ...others];
}

/**
 * When the post went (or goes) live, in UTC. A draft's post_date_gmt is zeros until it is
 * published, leaving the zoneless local post_date; the site's offset then comes from the
 * modified pair (post_modified and post_modified_gmt, written since WordPress 5.x), else UTC.
 */
function postDate(item: XmlElement): Date | null {
  const gmt = wpText(item, 'post_date_gmt');
  if (!isUnsetWordPressDate(gmt)) return parseWordPressDate(gmt);
  const local = parseWordPressDate(wpText(item, 'post_date'));
  const modifiedLocal = parseWordPressDate(wpText(item, 'post_modified'));
  const modifiedGmt = parseWordPressDate(wpText(item, 'post_modified_gmt'));
  if (!local || !modifiedLocal || !modifiedGmt) return local;
  return new Date(local.getTime() - (modifiedLocal.getTime() - modifiedGmt.getTime()));
}

/**
 * WordPress stores a slug percent-encoded (a Greek title's is %ce%b7-...) and renames a trashed
 * post's to `<slug>__trashed`: the slug the site used is the decoded one, without the suffix.
 */
function slug(postName: string, status: SourcePostStatus): string | null {
  const name = status === 'trash' ? postName.replace(/__trashed(-\d+)?$/, '') : postName;
  try {
    return decodeURIComponent(name) || null;
  } catch {
    return name || null;
  }
}

function isComment(element: XmlElement): boolean {
  return element.local === 'comment' && isWordPressNamespace(element.uri);
}

function wordpressMapper(): RecordMapper {
  // The few authors a blog has, by login: the one thing kept from record to record.
  const authors = new Map<string, SourceAuthor>();
  return {
    idOf: (record) => (record.local === 'item' ? wpText(record, 'post_id') || null : null),
    map(record) {
      if (record.local === 'author') {
        const login = wpText(record, 'author_login');
        if (!login) return [malformed(record, null, 'the wp:author has no wp:author_login')];
        if (authors.size >= MAX_AUTHORS)
          return [malformed(record, login, `more than ${MAX_AUTHORS} wp:author entries`)];
        const name = wpText(record, 'author_display_name') || login;
        authors.set(login, { sourceId: login, name, email: wpText(record, 'author_email') || null });
        return [];
      }
      const id = wpText(record, 'post_id');
      if (id && wpChild(record, 'post_type')) return postItems(record, id, authors);
      return [malformed(record, id || null, 'the item has no wp:post_id or wp:post_type')];
    },
  };
}

/** Parses a WordPress WXR export. */
export const parseWordPress: SourceParser = recordParser(isWxrRecord, wordpressMapper);
