import { Viewer, isStaffEditor } from '../auth/viewer';
import { PostVisibilityFacts, canSeePost } from './post.policy';

/**
 * Who sees and manages redirects. Editors and admins list, make and remove them. Anyone meets a
 * redirect through resolveUrl, except one that leads to a post they may not see: its location
 * would tell readers the slug of a story not out yet (a draft renamed before publication), and
 * would lead them only to a 404. Like a related link to such a post, it is not there for them.
 */

/** Query.redirects, createRedirect, deleteRedirect, node(id:) of a redirect. */
export function canManageRedirects(viewer: Viewer | null): viewer is Viewer {
  return isStaffEditor(viewer);
}

/** A redirect found by resolveUrl: seen unless it leads to a post the viewer may not see (`post`: that post). */
export function canSeeRedirect(
  viewer: Viewer | null,
  redirect: { postId: string | null },
  post: PostVisibilityFacts | null,
): boolean {
  return redirect.postId === null || (post !== null && canSeePost(viewer, post));
}
