import DataLoader from 'dataloader';
import { queryJsonRows } from '../db/json-rows';
import { limitLiteral } from '../db/limit-literal';
import { LINK_RANK_ALONE_SQL, LINK_RANK_IN_WINDOW_SQL } from '../db/link-rank.sql';
import { Queryable } from '../db/queryable';
import { Author } from '../entities/author.entity';
import { jsonObjectSql, selectList } from '../entities/columns';
import { POST_READ, Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { publicListSql } from '../policy/post.policy';
import { AUTHOR_OBJECT, PostWithByline, primeBylines } from './author-by-id.loader';
import { POST_READ_COLUMNS } from './post-by-id.loader';
import { createRowsByIdLoader, groupedInKeyOrder } from './rows-by-id';

const LINK_COLUMNS_RANKED_IN_WINDOW = selectList(RelatedLink, 'l', {
  computed: { position: LINK_RANK_IN_WINDOW_SQL },
  apiInstants: true,
});
const LINK_COLUMNS_RANKED_ALONE = selectList(RelatedLink, 'l', {
  computed: { position: LINK_RANK_ALONE_SQL },
  apiInstants: true,
});

/** A link as the loaders read it: with its target post (null for an external link). */
type LinkWithTarget = RelatedLink & { target: Post | null };

/** A link's target post, nested in the link's JSON row (null for an external link). */
const TARGET_OBJECT = `CASE WHEN t.id IS NULL THEN NULL ELSE ${jsonObjectSql(Post, 't', POST_READ)} END`;

/** Links with their targets, as the loader and a list's read-ahead (linksOfPostSql) both read them. */
const LINKS_WITH_TARGETS = `SELECT ${LINK_COLUMNS_RANKED_IN_WINDOW}, ${TARGET_OBJECT} AS target
       FROM related_links l LEFT JOIN posts t ON t.id = l.target_post_id`;

/**
 * Post.relatedLinks: each post's curated links in the editor's order, read with their target
 * posts, which go into the request's post loader: the link reader decides what the viewer may
 * see of them without another statement.
 */
export function createRelatedLinksByPostLoader(db: Queryable, postById: DataLoader<string, Post | null>) {
  const primeTargets = (links: LinkWithTarget[]) => {
    for (const { target } of links) if (target) postById.prime(target.id, target);
  };
  const loader = new DataLoader<string, RelatedLink[]>(async (postIds) => {
    const links = await queryJsonRows<LinkWithTarget>(
      db,
      `${LINKS_WITH_TARGETS} WHERE l.post_id = ANY($1::uuid[]) ORDER BY l.post_id, l.position`,
      [postIds],
    );
    primeTargets(links);
    return groupedInKeyOrder(postIds, links, (link) => link.postId);
  });
  return Object.assign(loader, {
    /** Puts a post's links read with it (`linksOfPostSql`), and their targets, into the loaders. */
    primeLinks(postId: string, links: LinkWithTarget[] | null): void {
      primeTargets(links ?? []);
      loader.prime(postId, links ?? []);
    },
  });
}

/**
 * SQL: the links of the post aliased `postAlias` with their targets, as the loader reads them, a
 * JSON array or null when there are none, for `primeLinks`: a list of posts that knows its
 * clients ask for their links reads them in its own statement.
 */
export function linksOfPostSql(postAlias: string): string {
  return `(SELECT json_agg(link) FROM (
      ${LINKS_WITH_TARGETS} WHERE l.post_id = ${postAlias}.id ORDER BY l.position
    ) link)`;
}

/** Links by id; the link reader applies the policy. */
export function createRelatedLinkByIdLoader(db: Queryable): DataLoader<string, RelatedLink | null> {
  return createRowsByIdLoader<RelatedLink>(db, {
    table: 'related_links',
    alias: 'l',
    columns: LINK_COLUMNS_RANKED_ALONE,
    json: true,
  });
}

export interface RelatedPostsKey {
  postId: string;
  limit: number;
}

/**
 * How many of each tag's newest live posts are suggestion candidates: max(10, 3 x limit). So
 * suggestions cost the same at 10,000 posts as at 100,000 (20 posts' suggestions take about 2 ms
 * of PostgreSQL time either way, see bench/README.md), and a post that shares a tag but is older
 * than that tag's newest candidates is not suggested through it: news readers want recent stories.
 */
const CANDIDATES_PER_TAG = 10;

/**
 * Post.relatedPosts for every post of the request in one statement per `limit`: curated POST
 * links to live posts first (editor order), then suggestions: among the newest live posts of
 * each of the post's tags (post_tags, an index range scan per tag), those sharing the most tags,
 * newer first among equals; never the post itself or a post it already links to; no duplicates.
 */
export function createRelatedPostsByPostLoader(
  db: Queryable,
  authorById: DataLoader<string, Author | null>,
): DataLoader<RelatedPostsKey, Post[], string> {
  async function loadGroup(postIds: string[], limit: number): Promise<Map<string, Post[]>> {
    const posts = await queryJsonRows<PostWithByline & { sourceId: string }>(
      db,
      `WITH source AS (
         SELECT s.id, s.tags FROM posts s WHERE s.id = ANY($1::uuid[])
       ),
       curated AS (
         SELECT l.post_id AS source_id, l.target_post_id AS target_id, l.position::bigint AS ord
         FROM related_links l JOIN posts t ON t.id = l.target_post_id
         WHERE l.post_id = ANY($1::uuid[]) AND l.kind = 'POST' AND ${publicListSql('t')}
       ),
       suggested AS (
         SELECT c.source_id, c.target_id,
                1000000 + row_number() OVER (
                  PARTITION BY c.source_id ORDER BY c.shared DESC, c.published_at DESC, c.target_id DESC
                ) AS ord
         FROM (
           SELECT s.id AS source_id, c.post_id AS target_id, c.published_at,
                  (SELECT count(*) FROM unnest(c.tags) AS tag WHERE tag = ANY(s.tags)) AS shared
           FROM source s
           CROSS JOIN LATERAL (
             SELECT DISTINCT ON (pt.post_id) pt.post_id, pt.published_at, pt.tags
             FROM unnest(s.tags) AS st(tag)
             CROSS JOIN LATERAL (
               SELECT pt.post_id, pt.published_at, pt.tags FROM post_tags pt
               WHERE pt.tag = st.tag AND ${publicListSql('pt')}
               ORDER BY pt.published_at DESC, pt.post_id DESC
               LIMIT ${limitLiteral(Math.max(CANDIDATES_PER_TAG, 3 * limit))}
             ) pt
           ) c
           WHERE c.post_id <> s.id
             AND NOT EXISTS (SELECT 1 FROM related_links l WHERE l.post_id = s.id AND l.target_post_id = c.post_id)
         ) c
       ),
       ranked AS (
         SELECT source_id, target_id, row_number() OVER (PARTITION BY source_id ORDER BY ord) AS rank
         FROM (SELECT * FROM curated UNION ALL SELECT * FROM suggested) candidates
       )
       SELECT r.source_id AS "sourceId", p.*, ${AUTHOR_OBJECT} AS byline
       FROM ranked r
       -- A lookup per chosen post (at most limit x posts): the planner cannot guess how few rows
       -- survive the rank filter and would otherwise hash-join the whole posts table.
       CROSS JOIN LATERAL (SELECT ${POST_READ_COLUMNS} FROM posts p WHERE p.id = r.target_id LIMIT 1) p
       -- Suggested posts come with their authors, primed into the request's author loader.
       JOIN authors a ON a.id = p."authorId"
       WHERE r.rank <= ${limitLiteral(limit)}
       ORDER BY r.source_id, r.rank`,
      [postIds],
    );
    primeBylines(authorById, posts);
    const grouped = groupedInKeyOrder(postIds, posts, (post) => post.sourceId);
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
