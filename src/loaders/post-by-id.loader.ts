import DataLoader from 'dataloader';
import { queryJsonRows } from '../db/json-rows';
import { Queryable } from '../db/queryable';
import { selectList } from '../entities/columns';
import { POST_READ, Post } from '../entities/post.entity';
import { createRowsByIdLoader } from './rows-by-id';

export const POST_READ_COLUMNS = selectList(Post, 'p', POST_READ);

/** Posts by id, whatever their status: the post reader applies the policy to what it gets. */
export function createPostByIdLoader(db: Queryable): DataLoader<string, Post | null> {
  return createRowsByIdLoader<Post>(db, { table: 'posts', alias: 'p', columns: POST_READ_COLUMNS, json: true });
}

/** Posts by slug, whatever their status: the post reader applies the policy to what it gets. */
export function createPostBySlugLoader(db: Queryable): DataLoader<string, Post | null> {
  return new DataLoader(async (slugs) => {
    const rows = await queryJsonRows<Post>(
      db,
      `SELECT ${POST_READ_COLUMNS} FROM posts p WHERE p.slug = ANY($1::text[])`,
      [slugs],
    );
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
}

/** Post bodies by id, for the posts of a request whose body a client asked for. */
export function createPostBodyByIdLoader(db: Queryable): DataLoader<string, string> {
  return new DataLoader(async (ids) => {
    const rows = (await db.query('SELECT p.id, p.body FROM posts p WHERE p.id = ANY($1::uuid[])', [ids])) as Array<{
      id: string;
      body: string;
    }>;
    const bodies = new Map(rows.map((row) => [row.id, row.body]));
    return ids.map((id) => bodies.get(id) ?? '');
  });
}
