import type { SourceComment, SourceCommentStatus, SourceItem } from '../source-records';
import { isUnsetWordPressDate, parseWordPressDate } from './export-dates';
import { malformed } from './record-parser';
import { wpText, type XmlElement } from './xml-element';

/** wp:comment_approved as WordPress stores it; `post-trashed` marks the comments of a trashed post. */
const STATUSES: Record<string, SourceCommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};

/** Comment types that are not readers' comments, and why they stay behind. */
const NOT_COMMENTS: Record<string, string> = {
  pingback: 'pingbacks are not imported as comments',
  trackback: 'trackbacks are not imported as comments',
  note: "editors' notes on a draft (block notes) are not public comments",
};

/**
 * The comments nested in one WXR item: those that are readers' comments go into the post; the
 * others come back as items of their own (skipped, with why, or malformed), after the post.
 *
 * Core WordPress leaves spam out of its exports (export.php selects comment_approved <> 'spam');
 * other exporters keep it, so `spam` is read all the same.
 */
export function wxrComments(comments: XmlElement[]): { kept: SourceComment[]; others: SourceItem[] } {
  const kept: SourceComment[] = [];
  const others: SourceItem[] = [];
  for (const element of comments) {
    const result = wxrComment(element);
    if ('kind' in result) others.push(result);
    else kept.push(result);
  }
  return { kept, others };
}

function wxrComment(element: XmlElement): SourceComment | SourceItem {
  const id = wpText(element, 'comment_id');
  if (!id) return malformed(element, null, 'the comment has no wp:comment_id');
  const type = wpText(element, 'comment_type');
  if (type !== '' && type !== 'comment') {
    const reason = NOT_COMMENTS[type] ?? `comments of type "${type}" are not imported`;
    return { kind: 'skipped', sourceId: id, what: type, reason, line: element.line };
  }
  const approved = wpText(element, 'comment_approved');
  const status = STATUSES[approved];
  if (!status) return malformed(element, id, `unknown wp:comment_approved "${approved}"`);
  const gmt = wpText(element, 'comment_date_gmt');
  const createdAt = isUnsetWordPressDate(gmt)
    ? parseWordPressDate(wpText(element, 'comment_date'))
    : parseWordPressDate(gmt);
  if (!createdAt) return malformed(element, id, 'the comment has no readable wp:comment_date_gmt');
  const bodyHtml = wpText(element, 'comment_content');
  if (!bodyHtml) return malformed(element, id, 'the comment has no body');
  const parent = wpText(element, 'comment_parent');
  return {
    sourceId: id,
    parentSourceId: parent === '' || parent === '0' ? null : parent,
    authorName: wpText(element, 'comment_author') || 'Anonymous',
    authorEmail: wpText(element, 'comment_author_email') || null,
    bodyHtml,
    createdAt,
    status,
  };
}
