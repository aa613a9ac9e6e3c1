import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { POST_COLUMNS, Post } from '../entities/post.entity';
import { inKeyOrder } from './rows-by-id';

/** Posts by id, whatever their status: callers apply the visibility policy to what they get. */
export function createPostByIdLoader(db: DataSource): DataLoader<string, Post | null> {
  return new DataLoader(async (ids) => {
    const rows: Post[] = await db.query(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.id = ANY($1::uuid[])`, [ids]);
    return inKeyOrder(ids, rows);
  });
}
