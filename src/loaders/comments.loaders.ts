import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { COMMENT_COLUMNS, Comment } from '../entities/comment.entity';
import { KeysetOrder } from '../queries/keyset-page';
import { groupedInKeyOrder, inKeyOrder } from './rows-by-id';
import { createWindowedPageLoader } from './windowed-page.loader';

/** Threads read oldest first. */
export const BY_CREATED_AT_ASC: KeysetOrder = { name: 'comment', column: 'c.created_at', type: 'timestamptz', direction: 'ASC', idColumn: 'c.id' };

/** A comment readers see in a thread: approved, and not hanging under a comment they cannot see. */
const IN_THREAD = `c.status = 'APPROVED' AND (c.parent_id IS NULL OR EXISTS (
  SELECT 1 FROM comments parent WHERE parent.id = c.parent_id AND parent.status = 'APPROVED'))`;

/** Comments by id, whatever their status: callers apply the comment policy. */
export function createCommentByIdLoader(db: DataSource): DataLoader<string, Comment | null> {
  return new DataLoader(async (ids) => {
    const rows: Comment[] = await db.query(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = ANY($1::uuid[])`, [ids]);
    return inKeyOrder(ids, rows);
  });
}

/** Post.commentCount: approved comments in each post's thread, replies included. */
export function createCommentCountByPostLoader(db: DataSource): DataLoader<string, number> {
  return new DataLoader(async (postIds) => {
    const rows: Array<{ postId: string; count: number }> = await db.query(
      `SELECT c.post_id AS "postId", count(*)::int AS count FROM comments c
       WHERE c.post_id = ANY($1::uuid[]) AND ${IN_THREAD} GROUP BY c.post_id`,
      [postIds],
    );
    const counts = new Map(rows.map((row) => [row.postId, row.count]));
    return postIds.map((id) => counts.get(id) ?? 0);
  });
}

/** Post.comments pages: approved top-level comments, oldest first; one windowed query for all posts. */
export function createCommentsByPostLoader(db: DataSource) {
  return createWindowedPageLoader<Comment>(db, {
    order: BY_CREATED_AT_ASC,
    select: `SELECT ${COMMENT_COLUMNS}`,
    from: 'FROM comments c',
    parentColumn: 'c.post_id',
    where: [`c.status = 'APPROVED'`, 'c.parent_id IS NULL'],
  });
}

/** Comment.replies: approved replies of each comment, oldest first. */
export function createRepliesByCommentLoader(db: DataSource): DataLoader<string, Comment[]> {
  return new DataLoader(async (commentIds) => {
    const rows: Comment[] = await db.query(
      `SELECT ${COMMENT_COLUMNS} FROM comments c
       WHERE c.parent_id = ANY($1::uuid[]) AND c.status = 'APPROVED' ORDER BY c.created_at, c.id`,
      [commentIds],
    );
    return groupedInKeyOrder(commentIds, rows, (row) => row.parentId!);
  });
}
