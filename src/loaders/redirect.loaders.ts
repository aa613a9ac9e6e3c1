import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { selectList, splitJoinedRow } from '../entities/columns';
import { POST_READ, Post } from '../entities/post.entity';
import { Redirect } from '../entities/redirect.entity';
import { createRowsByIdLoader } from './rows-by-id';

export const REDIRECT_READ_COLUMNS = selectList(Redirect, 'r');
const POST_COLUMNS = selectList(Post, 'p', { ...POST_READ, prefix: 'post.' });

/** Redirects by id, whatever the viewer: the redirect reader applies the policy. */
export function createRedirectByIdLoader(db: Queryable): DataLoader<string, Redirect | null> {
  return createRowsByIdLoader<Redirect>(db, { table: 'redirects', alias: 'r', columns: REDIRECT_READ_COLUMNS });
}

/**
 * Redirects by normalised path (resolveUrl), read with the posts they lead to, which go into
 * the request's post loader: whether the viewer may see the redirect needs no other statement.
 */
export function createRedirectByPathLoader(
  db: Queryable,
  postById: DataLoader<string, Post | null>,
): DataLoader<string, Redirect | null> {
  return new DataLoader(async (paths) => {
    const rows = (await db.query(
      `SELECT ${REDIRECT_READ_COLUMNS}, ${POST_COLUMNS}
       FROM redirects r LEFT JOIN posts p ON p.id = r.post_id WHERE r.path = ANY($1::text[])`,
      [paths],
    )) as Array<Record<string, unknown>>;
    const byPath = new Map<string, Redirect>();
    for (const row of rows) {
      const { own, joined: post } = splitJoinedRow<Redirect, Post>(row, 'post.');
      if (post) postById.prime(post.id, post);
      byPath.set(own.path, own);
    }
    return paths.map((path) => byPath.get(path) ?? null);
  });
}
