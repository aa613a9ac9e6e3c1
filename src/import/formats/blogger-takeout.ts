import type { SourceCommentStatus, SourceItem, SourceParser, SourcePostStatus } from '../source-records';
import {
  categoryTerms,
  entryAuthor,
  entryHtml,
  entryId,
  isAtomEntry,
  linkHref,
  realEmail,
  slugFromPath,
} from './atom-entry';
import { parseAtomDate } from './export-dates';
import { malformed, recordParser, type RecordMapper } from './record-parser';
import { child, childText, NS, type XmlElement } from './xml-element';
import type { ElementPath } from './xml-records';

/**
 * Blogger's feed.atom from Google Takeout (Takeout/Blogger/Blogs/<blog>/feed.atom, the "2018"
 * schema): an Atom feed whose entries say what they are in `blogger:` elements instead of kind
 * categories: blogger:type (POST, PAGE, COMMENT), blogger:status (LIVE, DRAFT, SCHEDULED,
 * SOFT_TRASHED; for comments LIVE, SPAM_COMMENT, PENDING...), blogger:created, blogger:filename
 * (the post's path, no host), blogger:trashed (empty unless trashed). A comment names its post in
 * blogger:parent and the comment it answers in blogger:inReplyTo (empty for a top-level one),
 * both by full entry id. Authors carry a name, a profile uri and blogger:type, never an address.
 * Labels are categories with the blog's tag URI as scheme.
 */

const B = NS.blogger2018;

/** Feed-level `<link>`s are records too: an alternate one gives the host filenames hang from. */
function isTakeoutRecord(path: ElementPath): boolean {
  const feedLink =
    path.length === 2 &&
    path[0].uri === NS.atom &&
    path[0].local === 'feed' &&
    path[1].uri === NS.atom &&
    path[1].local === 'link';
  return isAtomEntry(path) || feedLink;
}

function isTrashed(entry: XmlElement): boolean {
  return childText(entry, B, 'trashed') !== '';
}

function postStatus(entry: XmlElement, published: Date): SourcePostStatus | null {
  const status = childText(entry, B, 'status').toUpperCase();
  if (isTrashed(entry) || /TRASH|DELETED/.test(status)) return 'trash';
  if (status === 'DRAFT') return 'draft';
  if (status === 'SCHEDULED') return 'scheduled';
  if (status === 'LIVE') return published.getTime() > Date.now() ? 'scheduled' : 'published';
  return null;
}

/** Unknown comment states are read as pending: held back rather than shown. */
function commentStatus(entry: XmlElement): SourceCommentStatus {
  const status = childText(entry, B, 'status').toUpperCase();
  if (status.includes('SPAM')) return 'spam';
  if (isTrashed(entry) || /TRASH|DELETED|GHOSTED|EMPTIED|REMOVED/.test(status)) return 'trash';
  return status === 'LIVE' ? 'approved' : 'pending';
}

function postItem(entry: XmlElement, id: string, siteUrl: string | null): SourceItem {
  const title = childText(entry, NS.atom, 'title');
  const bodyHtml = entryHtml(entry);
  if (!title && !bodyHtml) return malformed(entry, id, 'the post has neither a title nor a body');
  const published = parseAtomDate(childText(entry, NS.atom, 'published'));
  if (!published) return malformed(entry, id, 'the post has no readable <published> date');
  const status = postStatus(entry, published);
  if (!status) return malformed(entry, id, `unknown blogger:status "${childText(entry, B, 'status')}"`);
  const createdAt = parseAtomDate(childText(entry, B, 'created')) ?? published;
  const filename = childText(entry, B, 'filename') || null;
  const isPublic = status === 'published' || status === 'scheduled';
  const post = {
    sourceId: id,
    title,
    bodyHtml,
    status,
    publishedAt: status === 'draft' ? null : published,
    createdAt,
    updatedAt: parseAtomDate(childText(entry, NS.atom, 'updated')) ?? createdAt,
    tags: categoryTerms(entry),
    author: entryAuthor(entry, 'Anonymous'),
    oldUrl: isPublic ? (linkHref(entry, 'alternate') ?? absolute(filename, siteUrl)) : null,
    oldSlug: slugFromPath(filename),
    comments: [],
  };
  return { kind: 'post', post, line: entry.line };
}

/** Takeout gives a path only; with the feed's own address it becomes the post's old URL. */
/** The old address; without the blog's (Takeout often has none) the path alone, which is what a redirect needs. */
function absolute(path: string | null, siteUrl: string | null): string | null {
  if (!path) return null;
  if (!siteUrl) return path.startsWith('/') ? path : `/${path}`;
  try {
    return new URL(path, siteUrl).href;
  } catch {
    return null;
  }
}

function commentItem(entry: XmlElement, id: string): SourceItem {
  const postSourceId = childText(entry, B, 'parent');
  if (!postSourceId) return malformed(entry, id, 'the comment names no post (blogger:parent)');
  const bodyHtml = entryHtml(entry);
  if (!bodyHtml) return malformed(entry, id, 'the comment has no body');
  const createdAt = parseAtomDate(childText(entry, NS.atom, 'published'));
  if (!createdAt) return malformed(entry, id, 'the comment has no readable <published> date');
  const author = child(entry, NS.atom, 'author');
  const comment = {
    sourceId: id,
    parentSourceId: childText(entry, B, 'inReplyTo') || null,
    authorName: (author && childText(author, NS.atom, 'name')) || 'Anonymous',
    authorEmail: realEmail(author && childText(author, NS.atom, 'email')),
    bodyHtml,
    createdAt,
    status: commentStatus(entry),
  };
  return { kind: 'comment', postSourceId, comment, line: entry.line };
}

function bloggerTakeoutMapper(): RecordMapper {
  let siteUrl: string | null = null;
  return {
    idOf: entryId,
    map(record) {
      if (record.local === 'link') {
        if (record.attrs.rel === 'alternate' && record.attrs.href) siteUrl = record.attrs.href;
        return [];
      }
      const id = entryId(record);
      if (!id) return [malformed(record, null, 'the entry has no <id>')];
      const type = childText(record, B, 'type').toUpperCase();
      const skip = (what: string, reason: string): SourceItem[] => [
        { kind: 'skipped', sourceId: id, what, reason, line: record.line },
      ];
      switch (type) {
        case 'POST':
          return [postItem(record, id, siteUrl)];
        case 'COMMENT':
          return [commentItem(record, id)];
        case 'PAGE':
          return skip('page', 'Blogger pages are not imported, only posts');
        case '':
          return [malformed(record, id, 'the entry has no blogger:type')];
        default:
          return skip(type.toLowerCase(), `Blogger entries of type ${type} are not imported`);
      }
    },
  };
}

/** Parses Blogger's Takeout feed.atom. */
export const parseBloggerTakeout: SourceParser = recordParser(isTakeoutRecord, bloggerTakeoutMapper);
