import DataLoader from 'dataloader';
import { LINK_RANK_ALONE_SQL, LINK_RANK_IN_WINDOW_SQL } from '../db/link-rank.sql';
import { Queryable } from '../db/queryable';
import { selectList } from '../entities/columns';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { publicListSql } from '../policy/post.policy';
import { POST_READ_COLUMNS } from './post-by-id.loader';
import { groupedInKeyOrder, inKeyOrder } from './rows-by-id';

const LINK_COLUMNS_RANKED_IN_WINDOW = selectList(RelatedLink, 'l', { computed: { position: LINK_RANK_IN_WINDOW_SQL } });
const LINK_COLUMNS_RANKED_ALONE = selectList(RelatedLink, 'l', { computed: { position: LINK_RANK_ALONE_SQL } });

/** Post.relatedLinks: each post's curated links in the editor's order; the link reader applies the policy. */
export function createRelatedLinksByPostLoader(db: Queryable): DataLoader<string, RelatedLink[]> {
  return new DataLoader(async (postIds) => {
    const rows = (await db.query(
      `SELECT ${LINK_COLUMNS_RANKED_IN_WINDOW} FROM related_links l WHERE l.post_id = ANY($1::uuid[]) ORDER BY l.post_id, l.position`,
      [postIds],
    )) as RelatedLink[];
    return groupedInKeyOrder(postIds, rows, (row) => row.postId);
  });
}

/** Links by id; the link reader applies the policy. */
export function createRelatedLinkByIdLoader(db: Queryable): DataLoader<string, RelatedLink | null> {
  return new DataLoader(async (ids) => {
    const rows = (await db.query(
      `SELECT ${LINK_COLUMNS_RANKED_ALONE} FROM related_links l WHERE l.id = ANY($1::uuid[])`,
      [ids],
    )) as RelatedLink[];
    return inKeyOrder(ids, rows);
  });
}

export interface RelatedPostsKey {
  postId: string;
  limit: number;
}

/**
 * Post.relatedPosts for every post of the request in one statement per `limit`: curated POST
 * links to live posts first (editor order), then live posts sharing the most tags, newer first
 * among equals; never the post itself, no duplicates. `p.tags && s.tags` uses the GIN index.
 */
export function createRelatedPostsByPostLoader(db: Queryable): DataLoader<RelatedPostsKey, Post[], string> {
  async function loadGroup(postIds: string[], limit: number): Promise<Map<string, Post[]>> {
    const rows = (await db.query(
      `WITH curated AS (
         SELECT l.post_id AS source_id, l.target_post_id AS target_id, l.position::bigint AS ord
         FROM related_links l JOIN posts t ON t.id = l.target_post_id
         WHERE l.post_id = ANY($1::uuid[]) AND l.kind = 'POST' AND ${publicListSql('t')}
       ),
       suggested AS (
         SELECT s.id AS source_id, c.id AS target_id,
                1000000 + row_number() OVER (PARTITION BY s.id ORDER BY c.shared DESC, c.published_at DESC, c.id DESC) AS ord
         FROM posts s
         CROSS JOIN LATERAL (
           SELECT t.id, t.published_at, (SELECT count(*) FROM unnest(t.tags) AS tag WHERE tag = ANY(s.tags)) AS shared
           FROM posts t
           WHERE t.tags && s.tags AND t.id <> s.id AND ${publicListSql('t')}
             AND NOT EXISTS (SELECT 1 FROM related_links l WHERE l.post_id = s.id AND l.target_post_id = t.id)
           ORDER BY shared DESC, t.published_at DESC, t.id DESC
           LIMIT $2
         ) c
         WHERE s.id = ANY($1::uuid[])
       ),
       ranked AS (
         SELECT source_id, target_id, row_number() OVER (PARTITION BY source_id ORDER BY ord) AS rank
         FROM (SELECT * FROM curated UNION ALL SELECT * FROM suggested) candidates
       )
       SELECT r.source_id AS "sourceId", ${POST_READ_COLUMNS}
       FROM ranked r JOIN posts p ON p.id = r.target_id
       WHERE r.rank <= $2
       ORDER BY r.source_id, r.rank`,
      [postIds, limit],
    )) as Array<Post & { sourceId: string }>;
    const grouped = groupedInKeyOrder(postIds, rows, (row) => row.sourceId);
    return new Map(postIds.map((id, i) => [id, grouped[i]]));
  }

  return new DataLoader(
    async (keys) => {
      const limits = [...new Set(keys.map((key) => key.limit))];
      const byLimit = new Map(
        await Promise.all(
          limits.map(
            async (limit) =>
              [
                limit,
                await loadGroup(
                  keys.filter((key) => key.limit === limit).map((key) => key.postId),
                  limit,
                ),
              ] as const,
          ),
        ),
      );
      return keys.map((key) => byLimit.get(key.limit)!.get(key.postId) ?? []);
    },
    { cacheKeyFn: (key) => `${key.postId}|${key.limit}` },
  );
}
