import { CacheKey } from '../domain/cache-keys';
import { CommentStatus } from '../domain/enums';
import { EventType, NewEvent } from './event';

/**
 * Whether readers saw a comment change: they see approved comments only (the thread,
 * `commentCount`, `comment(id:)`), so a change shows when an approved comment comes or goes.
 * `statuses` are the statuses of the comments the change touched, before it and after it.
 */
export function readersSeeCommentChange(...statuses: CommentStatus[]): boolean {
  return statuses.includes(CommentStatus.APPROVED);
}

/**
 * A comment's event. When readers see the change, it names its post's page and the lists (they
 * show comment counts; an answer too big to name its posts is tagged list:post). When they do
 * not (a reader's comment waiting as PENDING, the rejection or deletion of comments no reader
 * saw), it names no key: anyone may write a pending comment, 5 a minute from each address, and
 * each would otherwise purge every list page at the CDN and in the response cache.
 */
export function commentEvent(
  type: EventType,
  comment: { id: string; postId: string },
  readersSeeIt: boolean,
  payload?: Record<string, unknown>,
): NewEvent {
  const cacheKeys = readersSeeIt ? [CacheKey.post(comment.postId), CacheKey.postLists] : [];
  return { type, postId: comment.postId, commentId: comment.id, cacheKeys, payload };
}
