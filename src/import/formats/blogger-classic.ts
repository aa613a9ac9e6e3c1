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
import { child, childrenNamed, childText, NS, type XmlElement } from './xml-element';

/**
 * Blogger's classic backup ("Settings > Manage blog > Back up content"): one Atom feed whose
 * entries are typed by a kind category. In file order: the template, the settings (dozens of
 * entries, one per setting), the pages and posts, then every comment (a comment names its post
 * by thr:in-reply-to, so comments come as `comment` items). Models read: Blogger's exports as
 * blogger2wordpress (google-blog-converters) and the WordPress Blogger importer read them.
 */

const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const KIND_PREFIX = 'http://schemas.google.com/blogger/2008/kind#';
const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#';

/** A reply names the comment it answers by the feed URL of that comment: `.../comments/default/ID`. */
const PARENT_COMMENT_HREF = /\/comments\/default\/(\d+)(?:[?#].*)?$/;

function entryKind(entry: XmlElement): string | null {
  const kind = childrenNamed(entry, NS.atom, 'category').find((category) => category.attrs.scheme === KIND_SCHEME);
  const term = kind?.attrs.term ?? '';
  return term.startsWith(KIND_PREFIX) ? term.slice(KIND_PREFIX.length) : null;
}

/** Atom's publishing control: `<app:control><app:draft>yes</app:draft></app:control>`. */
function isDraft(entry: XmlElement): boolean {
  const control = child(entry, NS.app, 'control');
  return control !== undefined && childText(control, NS.app, 'draft') === 'yes';
}

function postItem(entry: XmlElement, id: string): SourceItem {
  const title = childText(entry, NS.atom, 'title');
  const bodyHtml = entryHtml(entry);
  if (!title && !bodyHtml) return malformed(entry, id, 'the post has neither a title nor a body');
  const published = parseAtomDate(childText(entry, NS.atom, 'published'));
  if (!published) return malformed(entry, id, 'the post has no readable <published> date');
  const updated = parseAtomDate(childText(entry, NS.atom, 'updated')) ?? published;
  // The backup has no creation date: the earlier of the two (a scheduled post was edited before it goes live).
  const createdAt = updated < published ? updated : published;
  // A scheduled post is exported like a published one, dated in the future.
  const status: SourcePostStatus = isDraft(entry)
    ? 'draft'
    : published.getTime() > Date.now()
      ? 'scheduled'
      : 'published';
  // Drafts carry no alternate link: they have no public address yet.
  const oldUrl = status === 'draft' ? null : linkHref(entry, 'alternate', 'text/html');
  const post = {
    sourceId: id,
    title,
    bodyHtml,
    status,
    publishedAt: status === 'draft' ? null : published,
    createdAt,
    updatedAt: updated,
    tags: categoryTerms(entry, (scheme) => scheme === LABEL_SCHEME),
    author: entryAuthor(entry, 'Anonymous'),
    oldUrl,
    oldSlug: slugFromPath(oldUrl),
    comments: [],
  };
  return { kind: 'post', post, line: entry.line };
}

/**
 * A comment and a post share one id space (`blog-123.post-789` is a comment's id), so the parent
 * comment's id is this one's with the parent's number.
 */
function parentCommentId(entry: XmlElement, id: string): string | null {
  const match = PARENT_COMMENT_HREF.exec(linkHref(entry, 'related') ?? '');
  if (!match) return null;
  return /\.post-\d+$/.test(id) ? id.replace(/\.post-\d+$/, `.post-${match[1]}`) : match[1];
}

function commentStatus(entry: XmlElement): SourceCommentStatus {
  const removed = childrenNamed(entry, NS.gd, 'extendedProperty').some(
    (property) => property.attrs.name === 'blogger.contentRemoved' && property.attrs.value === 'true',
  );
  if (removed) return 'trash';
  // The backups seen carry only comments that were shown; an Atom draft would be one that was not.
  return isDraft(entry) ? 'pending' : 'approved';
}

function commentItem(entry: XmlElement, id: string): SourceItem {
  const postSourceId = child(entry, NS.thr, 'in-reply-to')?.attrs.ref?.trim();
  if (!postSourceId) return malformed(entry, id, 'the comment names no post (thr:in-reply-to)');
  const bodyHtml = entryHtml(entry);
  if (!bodyHtml) return malformed(entry, id, 'the comment has no body');
  const createdAt = parseAtomDate(childText(entry, NS.atom, 'published'));
  if (!createdAt) return malformed(entry, id, 'the comment has no readable <published> date');
  const author = child(entry, NS.atom, 'author');
  const comment = {
    sourceId: id,
    parentSourceId: parentCommentId(entry, id),
    authorName: (author && childText(author, NS.atom, 'name')) || 'Anonymous',
    authorEmail: realEmail(author && childText(author, NS.atom, 'email')),
    bodyHtml,
    createdAt,
    status: commentStatus(entry),
  };
  return { kind: 'comment', postSourceId, comment, line: entry.line };
}

/** The one item of an entry of any kind but settings. */
function entryItem(entry: XmlElement, kind: string | null): SourceItem {
  const id = entryId(entry);
  if (!id) return malformed(entry, null, 'the entry has no <id>');
  const skip = (what: string, reason: string): SourceItem => ({
    kind: 'skipped',
    sourceId: id,
    what,
    reason,
    line: entry.line,
  });
  switch (kind) {
    case 'post':
      return postItem(entry, id);
    case 'comment':
      return commentItem(entry, id);
    case 'template':
      return skip('template', "the blog's layout template is not imported");
    case 'page':
      return skip('page', 'Blogger pages are not imported, only posts');
    case null:
      return malformed(entry, id, 'the entry has no Blogger kind category');
    default:
      return skip(kind, `Blogger entries of kind "${kind}" are not imported`);
  }
}

function bloggerClassicMapper(): RecordMapper {
  // Settings come as a run of one entry per setting: one `skipped` item says so for the run.
  let settings: { sourceId: string; count: number; line: number } | null = null;
  const endSettings = (): SourceItem[] => {
    if (!settings) return [];
    const { sourceId, count, line } = settings;
    settings = null;
    return [
      { kind: 'skipped', sourceId, what: 'settings', reason: `the blog's ${count} settings are not imported`, line },
    ];
  };
  return {
    idOf: entryId,
    finish: endSettings,
    map(entry) {
      const kind = entryKind(entry);
      if (kind !== 'settings') return [...endSettings(), entryItem(entry, kind)];
      const id = entryId(entry) ?? '';
      settings ??= { sourceId: id.replace(/\.settings\..*$/, '.settings'), count: 0, line: entry.line };
      settings.count += 1;
      return [];
    },
  };
}

/** Parses a Blogger classic backup. */
export const parseBloggerClassic: SourceParser = recordParser(isAtomEntry, bloggerClassicMapper);
