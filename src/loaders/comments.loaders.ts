import DataLoader from 'dataloader';
import { queryJsonRows } from '../db/json-rows';
import { Queryable } from '../db/queryable';
import { selectList } from '../entities/columns';
import { COMMENT_READ, Comment } from '../entities/comment.entity';
import { BY_CREATED_AT_ASC } from '../pagination/sort-orders';
import { approvedCommentSql, inPublicThreadSql } from '../policy/comment.policy';
import { createRowsByIdLoader, groupedInKeyOrder } from './rows-by-id';
import { WindowedPageSpec, createWindowedPageLoader, firstPageSql } from './windowed-page.loader';

export const COMMENT_READ_COLUMNS = selectList(Comment, 'c', COMMENT_READ);

/** Comments by id, whatever their status: the comment reader applies the policy. */
export function createCommentByIdLoader(db: Queryable): DataLoader<string, Comment | null> {
  return createRowsByIdLoader<Comment>(db, {
    table: 'comments',
    alias: 'c',
    columns: COMMENT_READ_COLUMNS,
    json: true,
  });
}

/** SQL: Post.commentCount of the post aliased `postAlias`, read with it (prime the loader with it). */
export function commentCountSql(postAlias: string): string {
  return `(SELECT count(*)::int FROM comments c WHERE c.post_id = ${postAlias}.id AND ${inPublicThreadSql('c')})`;
}

/** Post.commentCount: each post's public thread, replies included. */
export function createCommentCountByPostLoader(db: Queryable): DataLoader<string, number> {
  return new DataLoader(async (postIds) => {
    const rows = (await db.query(
      `SELECT c.post_id AS "postId", count(*)::int AS count FROM comments c
       WHERE c.post_id = ANY($1::uuid[]) AND ${inPublicThreadSql('c')} GROUP BY c.post_id`,
      [postIds],
    )) as Array<{ postId: string; count: number }>;
    const counts = new Map(rows.map((row) => [row.postId, row.count]));
    return postIds.map((id) => counts.get(id) ?? 0);
  });
}

/** Post.comments: approved top-level comments, oldest first. */
const THREAD_PAGES: WindowedPageSpec = {
  order: BY_CREATED_AT_ASC,
  select: `SELECT ${COMMENT_READ_COLUMNS}`,
  from: 'FROM comments c',
  parentColumn: 'c.post_id',
  where: [approvedCommentSql('c'), 'c.parent_id IS NULL'],
  json: true,
};

/** Post.comments pages: one windowed query for all posts. */
export function createCommentsByPostLoader(db: Queryable) {
  return createWindowedPageLoader<Comment>(db, THREAD_PAGES);
}

/** The columns of replies, aliased apart from the comments they answer. */
const REPLY_COLUMNS = selectList(Comment, 'reply', COMMENT_READ);

/**
 * SQL: the first page of `first` of the thread of the post aliased `postAlias` (primeFirstPage),
 * each comment with its replies as `prefetchedReplies` when `withReplies` (for primeReplies).
 */
export function threadFirstPageSql(postAlias: string, first: number, withReplies = false): string {
  const replies = `(SELECT json_agg(reply) FROM (
      SELECT ${REPLY_COLUMNS} FROM comments reply
      WHERE reply.parent_id = c.id AND ${approvedCommentSql('reply')} ORDER BY reply.created_at, reply.id
    ) reply) AS "prefetchedReplies"`;
  return firstPageSql(THREAD_PAGES, postAlias, first, withReplies ? replies : '');
}

/** A comment read with its replies (`threadFirstPageSql(..., true)`). */
export type CommentWithReplies = Comment & { prefetchedReplies?: Comment[] | null };

/** Comment.replies: approved replies of each comment, oldest first. */
export function createRepliesByCommentLoader(db: Queryable) {
  const loader = new DataLoader<string, Comment[]>(async (commentIds) => {
    const rows = await queryJsonRows<Comment>(
      db,
      `SELECT ${COMMENT_READ_COLUMNS} FROM comments c
       WHERE c.parent_id = ANY($1::uuid[]) AND ${approvedCommentSql('c')} ORDER BY c.created_at, c.id`,
      [commentIds],
    );
    return groupedInKeyOrder(commentIds, rows, (row) => row.parentId!);
  });
  return Object.assign(loader, {
    /** Puts the replies read with their comments (`threadFirstPageSql(..., true)`) into the loader. */
    primeReplies(comments: readonly CommentWithReplies[]): void {
      for (const comment of comments) loader.prime(comment.id, comment.prefetchedReplies ?? []);
    },
  });
}
