import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { POST_COLUMNS, Post } from '../entities/post.entity';
import { ConnectionValue } from '../schema/connection.types';
import { decodeCursor, encodeCursor } from '../schema/cursor';
import { BadUserInputError } from '../errors/api-errors';
import { LIVE_POST_SQL } from '../policy/post-visibility';
import { BY_PUBLISHED_AT } from '../queries/post-lists.query';

export interface AuthorPostsKey {
  authorId: string;
  first: number;
  after: string | null;
}

/**
 * Author.posts pages: live posts newest first. Authors asked with the same page arguments share
 * one windowed query (`row_number() over (partition by author_id ...)`), so a list of authors
 * with their latest posts costs one statement, plus one for the counts when asked.
 */
export function createPostsByAuthorLoader(db: DataSource): DataLoader<AuthorPostsKey, ConnectionValue<Post>, string> {
  const countLoader = new DataLoader<string, number>(async (authorIds) => {
    const rows: Array<{ authorId: string; count: number }> = await db.query(
      `SELECT p.author_id AS "authorId", count(*)::int AS count FROM posts p
       WHERE p.author_id = ANY($1::uuid[]) AND ${LIVE_POST_SQL} GROUP BY p.author_id`,
      [authorIds],
    );
    const counts = new Map(rows.map((row) => [row.authorId, row.count]));
    return authorIds.map((id) => counts.get(id) ?? 0);
  });

  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, AuthorPostsKey[]>();
      for (const key of keys) {
        const group = `${key.first}|${key.after ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<AuthorPostsKey, ConnectionValue<Post>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, after } = group[0];
          const params: unknown[] = [group.map((key) => key.authorId), first + 1];
          let keyset = '';
          if (after) {
            const position = decodeCursor(BY_PUBLISHED_AT.name, after, 'after');
            if (Number.isNaN(Date.parse(String(position.value)))) throw new BadUserInputError('That cursor is not valid for this list.', 'after');
            params.push(position.value, position.id);
            keyset = `AND (p.published_at, p.id) < ($3::timestamptz, $4::uuid)`;
          }
          const rows: Array<Post & { rank: number }> = await db.query(
            `SELECT * FROM (
               SELECT ${POST_COLUMNS}, row_number() OVER (PARTITION BY p.author_id ORDER BY p.published_at DESC, p.id DESC) AS rank
               FROM posts p WHERE p.author_id = ANY($1::uuid[]) AND ${LIVE_POST_SQL} ${keyset}
             ) ranked WHERE rank <= $2 ORDER BY rank`,
            params,
          );
          for (const key of group) {
            const authorRows = rows.filter((row) => row.authorId === key.authorId);
            const pageRows = authorRows.slice(0, first);
            const edges = pageRows.map((node) => ({
              cursor: encodeCursor(BY_PUBLISHED_AT.name, { value: node.publishedAt!.toISOString(), id: node.id }),
              node,
            }));
            pages.set(key, {
              edges,
              nodes: pageRows,
              pageInfo: {
                hasNextPage: authorRows.length > first,
                hasPreviousPage: after !== null,
                startCursor: edges[0]?.cursor ?? null,
                endCursor: edges[edges.length - 1]?.cursor ?? null,
              },
              totalCount: () => countLoader.load(key.authorId),
            });
          }
        }),
      );
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.authorId}|${key.first}|${key.after ?? ''}` },
  );
}
