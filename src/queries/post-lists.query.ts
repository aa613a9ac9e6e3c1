import { DataSource } from 'typeorm';
import { POST_COLUMNS, Post } from '../entities/post.entity';
import { ConnectionValue } from '../schema/connection.types';
import { PostFilter } from '../schema/post.inputs';
import { PostStatus, Role } from '../schema/enums';
import { Viewer } from '../auth/viewer';
import { LIVE_POST_SQL } from '../policy/post-visibility';
import { KeysetOrder, PageRequest, keysetPage } from './keyset-page';

export const BY_PUBLISHED_AT: KeysetOrder = { name: 'published', column: 'p.published_at', type: 'timestamptz', direction: 'DESC', idColumn: 'p.id' };
const BY_UPDATED_AT: KeysetOrder = { name: 'updated', column: 'p.updated_at', type: 'timestamptz', direction: 'DESC', idColumn: 'p.id' };
const BY_RANK: KeysetOrder = { name: 'rank', column: `ts_rank(p.search, q)::float8`, type: 'float8', direction: 'DESC', idColumn: 'p.id' };

/** A connection with nothing in it. */
export function emptyConnection<T>(): ConnectionValue<T> {
  return {
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}

/**
 * Query.posts: the live feed by default; drafts, scheduled and archived posts for staff (authors
 * see only their own). Readers asking for those get an empty list, not an error.
 */
export async function listPosts(db: DataSource, viewer: Viewer | null, filter: PostFilter | null | undefined, page: PageRequest): Promise<ConnectionValue<Post>> {
  const status = filter?.status ?? PostStatus.PUBLISHED;
  const params: unknown[] = [];
  const where: string[] = [];
  let order = BY_PUBLISHED_AT;
  if (status === PostStatus.PUBLISHED) {
    where.push(LIVE_POST_SQL);
  } else {
    if (!viewer) return emptyConnection();
    params.push(status);
    where.push(`p.status = $${params.length}`);
    if (status === PostStatus.SCHEDULED) where.push('p.published_at > now()');
    else order = BY_UPDATED_AT;
    if (viewer.role === Role.AUTHOR) {
      params.push(viewer.id);
      where.push(`p.author_id = $${params.length}`);
    }
  }
  if (filter?.tag != null) {
    params.push([filter.tag.trim().toLowerCase()]);
    where.push(`p.tags @> $${params.length}::text[]`);
  }
  if (filter?.authorSlug != null) {
    params.push(filter.authorSlug);
    where.push(`p.author_id = (SELECT id FROM authors WHERE slug = $${params.length})`);
  }
  if (filter?.featured != null) {
    params.push(filter.featured);
    where.push(`p.featured = $${params.length}`);
  }
  return keysetPage<Post>(db, { select: `SELECT ${POST_COLUMNS}`, from: 'FROM posts p', where, params, order }, page);
}

const MAX_SEARCH_LENGTH = 200;

/** Full-text search over live posts (title weighs most, then excerpt, then body), best match first. */
export async function searchPosts(db: DataSource, text: string, page: PageRequest): Promise<ConnectionValue<Post>> {
  const query = text.trim().slice(0, MAX_SEARCH_LENGTH);
  if (!query) return emptyConnection();
  return keysetPage<Post>(
    db,
    {
      select: `SELECT ${POST_COLUMNS}`,
      from: `FROM posts p, websearch_to_tsquery('english', $1) q`,
      where: ['p.search @@ q', LIVE_POST_SQL],
      params: [query],
      order: BY_RANK,
    },
    page,
  );
}

/** Live featured posts, newest first. */
export function featuredPosts(db: DataSource, limit: number): Promise<Post[]> {
  return db.query(
    `SELECT ${POST_COLUMNS} FROM posts p WHERE p.featured AND ${LIVE_POST_SQL}
     ORDER BY p.published_at DESC, p.id DESC LIMIT $1`,
    [limit],
  );
}

/** Tags of live posts with how many carry each, most used first. */
export function tagCounts(db: DataSource, limit: number): Promise<Array<{ tag: string; count: number }>> {
  return db.query(
    `SELECT tag, count(*)::int AS count FROM posts p, unnest(p.tags) AS tag
     WHERE ${LIVE_POST_SQL} GROUP BY tag ORDER BY count DESC, tag ASC LIMIT $1`,
    [limit],
  );
}
