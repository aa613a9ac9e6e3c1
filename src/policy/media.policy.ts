import { Viewer, isStaffEditor } from '../auth/viewer';
import { livePostSql } from './post.policy';

/**
 * Who sees and changes which media item, predicate and SQL side by side (CONTRACT.md "Media").
 * Readers see an image while a live post uses it as its cover (it is public there anyway);
 * signed-in staff see the whole library. The uploader, editors and admins change and delete it.
 */

/** What the media rules look at. */
interface MediaVisibilityFacts {
  /** Whether a live post has it as its cover. */
  coverOfLivePost: boolean;
}

export function canSeeMedia(viewer: Viewer | null, media: MediaVisibilityFacts): boolean {
  return viewer !== null || media.coverOfLivePost;
}

/** SQL of `canSeeMedia` for the media row aliased `alias`. */
export function visibleMediaSql(viewer: Viewer | null, alias: string): string {
  return viewer
    ? 'TRUE'
    : `EXISTS (SELECT 1 FROM posts mp WHERE mp.cover_media_id = ${alias}.id AND ${livePostSql('mp')})`;
}

/** The library (`mediaLibrary`, uploads): signed-in staff. */
export function canUseLibrary(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null;
}

/** `updateMedia` and `deleteMedia`: the uploader, editors and admins. */
export function canEditMedia(viewer: Viewer, media: { uploadedById: string | null }): boolean {
  return media.uploadedById === viewer.id || isStaffEditor(viewer);
}
