/**
 * The hand-written endpoint's SQL: each feed page is one statement that builds the whole
 * GraphQL answer (`{"data": ...}`) with json_build_object / json_agg, applying Broadsheet's rules
 * for an anonymous reader exactly (src/policy, src/loaders, src/pagination, src/schema/global-id):
 *
 * - live posts: PUBLISHED or SCHEDULED with published_at <= now(); feed newest first (published_at, id);
 * - ids: base64url of `Type:uuid`; DateTime: ISO with milliseconds and `Z`;
 * - Post.comments: approved top-level comments, oldest first (created_at, id); Comment.replies:
 *   approved replies, oldest first; commentCount: approved comments under no or an approved parent;
 * - relatedLinks: in position order, POST links only while their target is live; title = the
 *   link's own or the target's; url = the link's own or POST_URL_TEMPLATE with the target's slug;
 * - relatedPosts(limit L): the live targets of the post's POST links (position order), then
 *   suggestions: of each of the post's tags the newest K = max(10, 3L) live posts, less the post
 *   itself and every post it links to, by shared tags, then newest; the first L.
 */

/** Where suggestions come from: the `post_tags` table (with its live index) when it exists, else `posts.tags`. */
export type SuggestionSource = 'post_tags' | 'posts';

export interface HandWrittenSqlOptions {
  suggestionsFrom: SuggestionSource;
  /** POST_URL_TEMPLATE: `{slug}` (first occurrence) is replaced by the target's slug. */
  postUrlTemplate: string;
}

/** The limit the mobile feed asks of relatedPosts. */
const MOBILE_RELATED_LIMIT = 3;
/** Suggestion candidates per tag for a limit, as src/loaders/related.loaders.ts: max(10, 3 x limit). */
const CANDIDATES_PER_TAG = Math.max(10, 3 * MOBILE_RELATED_LIMIT);

const live = (alias: string) => `(${alias}.status IN ('PUBLISHED', 'SCHEDULED') AND ${alias}.published_at <= now())`;

/** `Date.prototype.toISOString()` of a timestamptz(3). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Node's `Buffer.from(text).toString('base64url')`: no padding; PostgreSQL wraps base64 at 76 characters. */
const base64url = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

const globalId = (type: string, id: string) => base64url(`'${type}:' || ${id}::text`);

/** `encodeCursor('published', {value: iso, id})`: JSON.stringify of a 3-array has no spaces. */
const feedCursor = (alias: string) =>
  base64url(`'["published","' || ${iso(`${alias}.published_at`)} || '","' || ${alias}.id::text || '"]'`);

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** linkUrl's template replacement (String.replace with a string: the first `{slug}` only). */
function postUrl(template: string, slug: string): string {
  const at = template.indexOf('{slug}');
  if (at < 0) return `(CASE WHEN ${slug} IS NULL THEN NULL ELSE ${quote(template)} END)`;
  return `(${quote(template.slice(0, at))} || ${slug} || ${quote(template.slice(at + '{slug}'.length))})`;
}

const emptyIfNull = (aggregate: string) => `COALESCE((${aggregate}), '[]'::json)`;

/** The feed: live posts newest first, at most `limit` (an SQL expression), as a subquery. */
const FEED_PAGE = (limit: string) => `(
  SELECT p.id, p.slug, p.title, p.excerpt, p.published_at, p.tags, p.author_id FROM posts p
  WHERE ${live('p')} ORDER BY p.published_at DESC, p.id DESC LIMIT ${limit})`;

/** Post.comments(first: 3) of the post aliased `p`: the page of approved top-level comments as `c`. */
const THREAD_TOP_3 = `(
  SELECT c.id, c.author_name, c.body, c.created_at FROM comments c
  WHERE c.post_id = p.id AND c.status = 'APPROVED' AND c.parent_id IS NULL
  ORDER BY c.created_at, c.id LIMIT 3) c`;

function relatedLinks(options: HandWrittenSqlOptions, withTarget: boolean): string {
  const fields = [
    `'title', COALESCE(NULLIF(l.title, ''), t.title, 'Unavailable story')`,
    `'url', COALESCE(NULLIF(l.url, ''), ${postUrl(options.postUrlTemplate, 't.slug')}, '')`,
  ];
  if (withTarget)
    fields.push(`'targetPost', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('slug', t.slug) END`);
  return emptyIfNull(`
    SELECT json_agg(json_build_object(${fields.join(', ')}) ORDER BY l.position)
    FROM related_links l LEFT JOIN posts t ON t.id = l.target_post_id AND ${live('t')}
    WHERE l.post_id = p.id AND (l.target_post_id IS NULL OR t.id IS NOT NULL)`);
}

/** The newest K live posts carrying the tag `st.tag`: `post_id`, `published_at`, `tags`. */
function newestOfTag(source: SuggestionSource): string {
  return source === 'post_tags'
    ? `SELECT pt.post_id, pt.published_at, pt.tags FROM post_tags pt WHERE pt.tag = st.tag AND ${live('pt')}
       ORDER BY pt.published_at DESC, pt.post_id DESC LIMIT ${CANDIDATES_PER_TAG}`
    : `SELECT q.id AS post_id, q.published_at, q.tags FROM posts q WHERE q.tags @> ARRAY[st.tag] AND ${live('q')}
       ORDER BY q.published_at DESC, q.id DESC LIMIT ${CANDIDATES_PER_TAG}`;
}

/** Post.relatedPosts(limit: 3) { slug title author { name } } of the post aliased `p` (with `p.tags`). */
function relatedPosts(options: HandWrittenSqlOptions): string {
  return emptyIfNull(`
    SELECT json_agg(json_build_object('slug', rp.slug, 'title', rp.title, 'author', json_build_object('name', ra.name))
                    ORDER BY r.grp, r.pos, r.shared DESC, r.published_at DESC, r.id DESC)
    FROM (
      SELECT * FROM (
        SELECT l.target_post_id AS id, 0 AS grp, l.position AS pos, 0::bigint AS shared, NULL::timestamptz AS published_at
        FROM related_links l JOIN posts t ON t.id = l.target_post_id
        WHERE l.post_id = p.id AND l.kind = 'POST' AND ${live('t')}
        UNION ALL
        SELECT c.post_id, 1, 0, (SELECT count(*) FROM unnest(c.tags) AS tag WHERE tag = ANY(p.tags)), c.published_at
        FROM (
          SELECT DISTINCT ON (n.post_id) n.post_id, n.published_at, n.tags
          FROM unnest(p.tags) AS st(tag) CROSS JOIN LATERAL (${newestOfTag(options.suggestionsFrom)}) n
        ) c
        WHERE c.post_id <> p.id
          AND NOT EXISTS (SELECT 1 FROM related_links x WHERE x.post_id = p.id AND x.target_post_id = c.post_id)
      ) candidates
      ORDER BY grp, pos, shared DESC, published_at DESC, id DESC
      LIMIT ${MOBILE_RELATED_LIMIT}
    ) r
    JOIN posts rp ON rp.id = r.id JOIN authors ra ON ra.id = rp.author_id`);
}

/** SimpleFeed($first): `$1` is `first`. */
export function simpleFeedSql(options: HandWrittenSqlOptions): string {
  const node = `json_build_object(
    'id', ${globalId('Post', 'p.id')},
    'slug', p.slug, 'title', p.title, 'excerpt', p.excerpt,
    'publishedAt', ${iso('p.published_at')},
    'tags', p.tags,
    'author', json_build_object('name', a.name, 'slug', a.slug),
    'comments', json_build_object('nodes', ${emptyIfNull(`
      SELECT json_agg(json_build_object('authorName', c.author_name, 'body', c.body, 'createdAt', ${iso('c.created_at')})
                      ORDER BY c.created_at, c.id)
      FROM ${THREAD_TOP_3}`)}),
    'relatedLinks', ${relatedLinks(options, false)})`;
  return `SELECT json_build_object('data', json_build_object('posts', json_build_object('nodes', ${emptyIfNull(`
    SELECT json_agg(${node} ORDER BY p.published_at DESC, p.id DESC)
    FROM ${FEED_PAGE('$1::int')} p JOIN authors a ON a.id = p.author_id`)}))) AS body`;
}

/** MobileFeed($first): `$1` is `first`. */
export function mobileFeedSql(options: HandWrittenSqlOptions): string {
  const node = `json_build_object(
    'title', p.title,
    'commentCount', (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.status = 'APPROVED'
      AND (c.parent_id IS NULL OR EXISTS (SELECT 1 FROM comments pc WHERE pc.id = c.parent_id AND pc.status = 'APPROVED'))),
    'author', json_build_object('name', a.name),
    'comments', json_build_object('nodes', ${emptyIfNull(`
      SELECT json_agg(json_build_object('authorName', c.author_name, 'body', c.body, 'replies', ${emptyIfNull(`
          SELECT json_agg(json_build_object('authorName', r.author_name, 'body', r.body) ORDER BY r.created_at, r.id)
          FROM comments r WHERE r.parent_id = c.id AND r.status = 'APPROVED'`)})
        ORDER BY c.created_at, c.id)
      FROM ${THREAD_TOP_3}`)}),
    'relatedLinks', ${relatedLinks(options, true)},
    'relatedPosts', ${relatedPosts(options)})`;
  return `WITH page AS (
      SELECT p.*, row_number() OVER (ORDER BY p.published_at DESC, p.id DESC) AS n FROM ${FEED_PAGE('$1::int + 1')} p
    )
    SELECT json_build_object('data', json_build_object('posts', json_build_object(
      'pageInfo', json_build_object(
        'hasNextPage', (SELECT count(*) > $1::int FROM page),
        'endCursor', (SELECT ${feedCursor('page')} FROM page WHERE n <= $1::int ORDER BY n DESC LIMIT 1)),
      'nodes', ${emptyIfNull(`
        SELECT json_agg(${node} ORDER BY p.n)
        FROM page p JOIN authors a ON a.id = p.author_id WHERE p.n <= $1::int`)}))) AS body`;
}

/** Only the relatedPosts part of the mobile feed for the first `$1` feed posts, for EXPLAIN ANALYZE. */
export function relatedPostsOfFeedSql(options: HandWrittenSqlOptions): string {
  return `SELECT p.id, ${relatedPosts(options)} AS related FROM ${FEED_PAGE('$1::int')} p`;
}
