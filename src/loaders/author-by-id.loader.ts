import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { AUTHOR_READ, Author } from '../entities/author.entity';
import { jsonObjectSql, selectList } from '../entities/columns';
import type { Post } from '../entities/post.entity';
import { createRowsByIdLoader } from './rows-by-id';

/** What reads of authors select: everything but the password hash, which only sign-in needs. */
export const AUTHOR_READ_COLUMNS = selectList(Author, 'a', AUTHOR_READ);

/** An author as a JSON object (its author, read with a post of a JSON list: see `primeBylines`). */
export const AUTHOR_OBJECT = jsonObjectSql(Author, 'a', AUTHOR_READ);

/** SQL: the author of the post aliased `alias`, as a JSON object. */
export function bylineSql(alias: string): string {
  return `(SELECT ${AUTHOR_OBJECT} FROM authors a WHERE a.id = ${alias}.author_id)`;
}

/** A post read with its author (`bylineSql(...) AS byline`). */
export type PostWithByline = Post & { byline: Author };

/**
 * Puts the authors read with posts into the request's author loader: a feed's bylines then cost
 * no statement of their own (one statement fewer per page; a byline is a primary-key look-up
 * in the page's statement, and nearly every feed shows them).
 */
export function primeBylines(authorById: DataLoader<string, Author | null>, posts: readonly PostWithByline[]): void {
  for (const { byline } of posts) authorById.prime(byline.id, byline);
}

/** Authors by id, one `= ANY($1)` query per batch; callers apply the author policy. */
export function createAuthorByIdLoader(db: Queryable): DataLoader<string, Author | null> {
  return createRowsByIdLoader<Author>(db, { table: 'authors', alias: 'a', columns: AUTHOR_READ_COLUMNS, json: true });
}
