import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { selectList } from '../entities/columns';
import { PostRevision } from '../entities/post-revision.entity';
import { createRowsByIdLoader, groupedInKeyOrder } from './rows-by-id';

const REVISION_COLUMNS = selectList(PostRevision, 'r');

/** Each post's revisions, newest first; the revision reader applies the policy. */
export function createRevisionsByPostLoader(db: Queryable): DataLoader<string, PostRevision[]> {
  return new DataLoader(async (postIds) => {
    const rows = (await db.query(
      `SELECT ${REVISION_COLUMNS} FROM post_revisions r WHERE r.post_id = ANY($1::uuid[]) ORDER BY r.version DESC`,
      [postIds],
    )) as PostRevision[];
    return groupedInKeyOrder(postIds, rows, (row) => row.postId);
  });
}

/** Revisions by id; the revision reader applies the policy. */
export function createRevisionByIdLoader(db: Queryable): DataLoader<string, PostRevision | null> {
  return createRowsByIdLoader<PostRevision>(db, { table: 'post_revisions', alias: 'r', columns: REVISION_COLUMNS });
}
