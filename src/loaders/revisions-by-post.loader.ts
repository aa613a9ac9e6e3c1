import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { PostRevision, REVISION_COLUMNS } from '../entities/post-revision.entity';
import { groupedInKeyOrder } from './rows-by-id';

/** Each post's revisions, newest first. */
export function createRevisionsByPostLoader(db: DataSource): DataLoader<string, PostRevision[]> {
  return new DataLoader(async (postIds) => {
    const rows: PostRevision[] = await db.query(
      `SELECT ${REVISION_COLUMNS} FROM post_revisions r WHERE r.post_id = ANY($1::uuid[]) ORDER BY r.version DESC`,
      [postIds],
    );
    return groupedInKeyOrder(postIds, rows, (row) => row.postId);
  });
}
