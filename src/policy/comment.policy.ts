import { Viewer, isStaffEditor } from '../auth/viewer';
import { CommentStatus } from '../domain/enums';
import { PostVisibilityFacts, canSeePost, isLive, visiblePostSql } from './post.policy';

/**
 * Who sees which comment, predicate and SQL side by side. A comment is seen on a post the
 * viewer may see, and then: approved ones by everyone; every comment by editors and admins, as
 * moderators; a signed-in writer's own comments by them.
 */

/** What the comment rules look at. */
export interface CommentVisibilityFacts {
  status: CommentStatus;
  authorId: string | null;
}

export function canSeeComment(
  viewer: Viewer | null,
  comment: CommentVisibilityFacts,
  post: PostVisibilityFacts,
): boolean {
  const byStatus =
    comment.status === CommentStatus.APPROVED ||
    isStaffEditor(viewer) ||
    (viewer !== null && comment.authorId === viewer.id);
  return byStatus && canSeePost(viewer, post);
}

/** SQL of `canSeeComment` for the comment aliased `alias` (its post is looked up as `cp`). */
export function visibleCommentSql(viewer: Viewer | null, alias: string, params: unknown[]): string {
  let byStatus = `${alias}.status = 'APPROVED'`;
  if (isStaffEditor(viewer)) byStatus = 'TRUE';
  else if (viewer) {
    params.push(viewer.id);
    byStatus = `(${byStatus} OR ${alias}.author_id = $${params.length}::uuid)`;
  }
  return `(${byStatus} AND EXISTS (SELECT 1 FROM posts cp WHERE cp.id = ${alias}.post_id AND ${visiblePostSql(viewer, 'cp', params)}))`;
}

/**
 * The public thread under a post (Post.comments, Comment.replies, Post.commentCount) is the
 * same for everyone, moderators included: approved comments, and no reply hanging under a
 * comment that is not approved. Pending comments are found through `comment(id)` and the
 * moderation queue.
 */
export function inPublicThread(comment: CommentVisibilityFacts, parent: CommentVisibilityFacts | null): boolean {
  return comment.status === CommentStatus.APPROVED && (parent === null || parent.status === CommentStatus.APPROVED);
}

/** SQL of `inPublicThread` for the comment aliased `alias`. */
export function inPublicThreadSql(alias: string): string {
  return `(${alias}.status = 'APPROVED' AND (${alias}.parent_id IS NULL OR EXISTS (
    SELECT 1 FROM comments parent WHERE parent.id = ${alias}.parent_id AND parent.status = 'APPROVED')))`;
}

/**
 * SQL: an approved comment aliased `alias`. With `parent_id IS NULL` it is the top of the public
 * thread; under a known parent it is that comment's visible replies (a viewer who may see a
 * held comment, its author or a moderator, sees its approved replies too).
 */
export function approvedCommentSql(alias: string): string {
  return `${alias}.status = 'APPROVED'`;
}

/** Comments go only under posts that readers can see, staff's included. */
export function canCommentOn(post: PostVisibilityFacts): boolean {
  return isLive(post);
}

/** The moderation queue, and moderating: editors and admins. */
export function canModerateComments(viewer: Viewer | null): boolean {
  return isStaffEditor(viewer);
}
