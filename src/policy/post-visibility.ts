import { Viewer, isStaffEditor } from '../auth/viewer';
import { PostStatus } from '../schema/enums';

/**
 * The one visibility policy for posts, used by every path that can reach one (post, posts,
 * node, search, Author.posts, related posts and links). A post is *live* when it is PUBLISHED,
 * or SCHEDULED and its moment has passed; that is decided at query time, so a scheduled post
 * goes live with nothing running on a timer.
 */

/** SQL: the post aliased `alias` is live. */
export function livePostSql(alias: string): string {
  return `(${alias}.status IN ('PUBLISHED', 'SCHEDULED') AND ${alias}.published_at <= now())`;
}

/** SQL: the post aliased `p` is live. */
export const LIVE_POST_SQL = livePostSql('p');

interface PostVisibilityFacts {
  status: PostStatus;
  publishedAt: Date | null;
  authorId: string;
}

export function isLive(post: PostVisibilityFacts, now: Date = new Date()): boolean {
  return (
    (post.status === PostStatus.PUBLISHED || post.status === PostStatus.SCHEDULED) &&
    post.publishedAt !== null &&
    post.publishedAt.getTime() <= now.getTime()
  );
}

/** The status clients see: a scheduled post whose moment has passed is served as PUBLISHED. */
export function servedStatus(post: PostVisibilityFacts, now: Date = new Date()): PostStatus {
  return post.status === PostStatus.SCHEDULED && isLive(post, now) ? PostStatus.PUBLISHED : post.status;
}

/** Readers see live posts; authors also their own; editors and admins everything. */
export function canSeePost(viewer: Viewer | null, post: PostVisibilityFacts): boolean {
  return isLive(post) || canEditPost(viewer, post);
}

/** Editing, publishing, archiving, deleting, links and revisions: the owner, editors, admins. */
export function canEditPost(viewer: Viewer | null, post: Pick<PostVisibilityFacts, 'authorId'>): boolean {
  return viewer !== null && (isStaffEditor(viewer) || viewer.id === post.authorId);
}

/** SQL: the post aliased `p` is visible to `viewer`; pushes the viewer's id to `params` when needed. */
export function visiblePostSql(viewer: Viewer | null, params: unknown[]): string {
  if (isStaffEditor(viewer)) return 'TRUE';
  if (viewer) {
    params.push(viewer.id);
    return `(${LIVE_POST_SQL} OR p.author_id = $${params.length})`;
  }
  return LIVE_POST_SQL;
}
