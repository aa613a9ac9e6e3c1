import { Viewer, isStaffEditor } from '../auth/viewer';
import { CommentStatus } from '../schema/enums';

interface CommentVisibilityFacts {
  status: CommentStatus;
  authorId: string | null;
}

/**
 * Readers see approved comments (on posts they can see, checked by the caller); editors and
 * admins see every comment, as moderators; a signed-in writer also sees their own.
 */
export function canSeeComment(viewer: Viewer | null, comment: CommentVisibilityFacts): boolean {
  return (
    comment.status === CommentStatus.APPROVED ||
    isStaffEditor(viewer) ||
    (viewer !== null && comment.authorId === viewer.id)
  );
}
