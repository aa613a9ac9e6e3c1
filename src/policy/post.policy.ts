import { Viewer, isStaffEditor } from '../auth/viewer';
import { PostStatus } from '../domain/enums';
import { Instant, instantTime } from '../domain/instant';

/**
 * Who sees which post, as a TypeScript predicate and as SQL side by side (a test holds them to
 * the same answers). Every path that can reach a post goes through here: post, posts, node,
 * search, Author.posts, related posts, links, comments. A post is *live* when it is PUBLISHED,
 * or SCHEDULED and its moment has passed; that is decided at query time, so a scheduled post
 * goes live with nothing running on a timer.
 */

/** What the post rules look at. */
export interface PostVisibilityFacts {
  status: PostStatus;
  publishedAt: Instant | null;
  authorId: string;
}

export function isLive(post: PostVisibilityFacts, now: Date = new Date()): boolean {
  return (
    (post.status === PostStatus.PUBLISHED || post.status === PostStatus.SCHEDULED) &&
    post.publishedAt !== null &&
    instantTime(post.publishedAt) <= now.getTime()
  );
}

/** SQL: the post aliased `alias` is live. */
export function livePostSql(alias: string): string {
  return `(${alias}.status IN ('PUBLISHED', 'SCHEDULED') AND ${alias}.published_at <= now())`;
}

/**
 * SQL: the post aliased `alias` was scheduled and its moment has passed: live, served as
 * PUBLISHED, with nothing written when it went live (the go-live sweep announces these).
 */
export function scheduledAndLiveSql(alias: string): string {
  return `(${alias}.status = 'SCHEDULED' AND ${alias}.published_at <= now())`;
}

/** SQL: the post aliased `alias` is scheduled and still waiting for its moment. */
export function scheduledNotYetLiveSql(alias: string): string {
  return `(${alias}.status = 'SCHEDULED' AND ${alias}.published_at > now())`;
}

/** Editing, publishing, archiving, deleting, links and revisions: the owner, editors, admins. */
export function canEditPost(viewer: Viewer | null, post: Pick<PostVisibilityFacts, 'authorId'>): boolean {
  return viewer !== null && (isStaffEditor(viewer) || viewer.id === post.authorId);
}

/** SQL of `canEditPost` for the post aliased `alias`; pushes the viewer's id to `params` when needed. */
export function editablePostSql(viewer: Viewer | null, alias: string, params: unknown[]): string {
  if (isStaffEditor(viewer)) return 'TRUE';
  if (!viewer) return 'FALSE';
  params.push(viewer.id);
  return `${alias}.author_id = $${params.length}::uuid`;
}

/**
 * The staff lists (`posts(filter: {status: DRAFT})` and the like) hold posts that are not live,
 * so what a viewer may see in them is what they may edit. Readers get an empty list, not an error.
 */
export function canListUnpublished(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null;
}

/** Writing a post on behalf of another author: editors and admins. */
export function canWriteAs(viewer: Viewer, authorId: string): boolean {
  return authorId === viewer.id || isStaffEditor(viewer);
}

/** Readers see live posts; authors also their own; editors and admins everything. */
export function canSeePost(viewer: Viewer | null, post: PostVisibilityFacts): boolean {
  return isLive(post) || canEditPost(viewer, post);
}

/** SQL of `canSeePost` for the post aliased `alias`; pushes the viewer's id to `params` when needed. */
export function visiblePostSql(viewer: Viewer | null, alias: string, params: unknown[]): string {
  if (isStaffEditor(viewer)) return 'TRUE';
  if (viewer) {
    params.push(viewer.id);
    return `(${livePostSql(alias)} OR ${alias}.author_id = $${params.length}::uuid)`;
  }
  return livePostSql(alias);
}

/**
 * The public lists (the feed, search, featured, tags, Author.posts, suggestions) hold live posts
 * for everyone, staff included: what is in a feed does not depend on who reads it.
 */
export function publicListSql(alias: string): string {
  return livePostSql(alias);
}

/** The status clients see: a scheduled post whose moment has passed is served as PUBLISHED. */
export function servedStatus(post: PostVisibilityFacts, now: Date = new Date()): PostStatus {
  return post.status === PostStatus.SCHEDULED && isLive(post, now) ? PostStatus.PUBLISHED : post.status;
}

/**
 * SQL of `servedStatus(post) === status` for the post aliased `alias`: what a staff list of
 * one status holds (a scheduled post whose moment has passed is no longer SCHEDULED).
 */
export function servedStatusSql(status: PostStatus, alias: string): string {
  switch (status) {
    case PostStatus.PUBLISHED:
      return `(${alias}.status = 'PUBLISHED' OR ${scheduledAndLiveSql(alias)})`;
    case PostStatus.SCHEDULED:
      return scheduledNotYetLiveSql(alias);
    case PostStatus.DRAFT:
      return `${alias}.status = 'DRAFT'`;
    case PostStatus.ARCHIVED:
      return `${alias}.status = 'ARCHIVED'`;
  }
}

/** Post.revisions: earlier versions are for those who may edit the post. */
export function canSeeRevisions(viewer: Viewer | null, post: Pick<PostVisibilityFacts, 'authorId'>): boolean {
  return canEditPost(viewer, post);
}
