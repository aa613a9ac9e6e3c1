import { Viewer } from '../auth/viewer';
import { LIVE_POST_SQL } from './post-visibility';

/**
 * Readers see the authors of live posts, nobody else (an author with only drafts, or a new
 * editor, is unknown to them); every signed-in author sees the whole staff.
 */
export function visibleAuthorSql(viewer: Viewer | null): string {
  return viewer ? 'TRUE' : `EXISTS (SELECT 1 FROM posts p WHERE p.author_id = a.id AND ${LIVE_POST_SQL})`;
}
