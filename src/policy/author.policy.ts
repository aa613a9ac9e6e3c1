import { Viewer } from '../auth/viewer';
import { Role } from '../domain/enums';
import { livePostSql } from './post.policy';

/**
 * Who sees which author, and which of their fields, predicate and SQL side by side. Readers
 * see the authors of live posts, nobody else (an author with only drafts, or a new editor, is
 * unknown to them); every signed-in author sees the whole staff. An author credited on
 * something the viewer may see (a byline, a comment's signature, a revision's editor) is shown
 * there, as the credit is part of what they see.
 */

/** What the author rules look at. */
export interface AuthorVisibilityFacts {
  /** Whether any post of theirs is live. */
  hasLivePost: boolean;
}

export function canSeeAuthor(viewer: Viewer | null, author: AuthorVisibilityFacts): boolean {
  return viewer !== null || author.hasLivePost;
}

/** SQL of `canSeeAuthor` for the author aliased `alias`. */
export function visibleAuthorSql(viewer: Viewer | null, alias: string): string {
  return viewer ? 'TRUE' : `EXISTS (SELECT 1 FROM posts ap WHERE ap.author_id = ${alias}.id AND ${livePostSql('ap')})`;
}

/** Email addresses: for the author themself and admins. */
export function canSeeEmail(viewer: Viewer | null, author: { id: string }): boolean {
  return viewer !== null && (viewer.id === author.id || viewer.role === Role.ADMIN);
}

/** Roles: for signed-in staff; readers do not learn who the admins are. */
export function canSeeRole(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Editing a profile: admins anyone's, everyone their own. */
export function canEditAuthor(viewer: Viewer, authorId: string): boolean {
  return viewer.id === authorId || viewer.role === Role.ADMIN;
}
