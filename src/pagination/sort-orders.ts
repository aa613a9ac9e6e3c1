import { KeysetOrder } from './keyset-order';

/** The public feeds: newest first by publication (posts aliased `p`). */
export const BY_PUBLISHED_AT: KeysetOrder = {
  name: 'published',
  column: 'p.published_at',
  type: 'timestamptz',
  direction: 'DESC',
  idColumn: 'p.id',
};

/** Staff lists of drafts and archived posts: last touched first. */
export const BY_UPDATED_AT: KeysetOrder = {
  name: 'updated',
  column: 'p.updated_at',
  type: 'timestamptz',
  direction: 'DESC',
  idColumn: 'p.id',
};

/** Search: best match first, for a query aliased `q`. */
export const BY_SEARCH_RANK: KeysetOrder = {
  name: 'rank',
  column: 'ts_rank(p.search, q)::float8',
  type: 'float8',
  direction: 'DESC',
  idColumn: 'p.id',
};

/** Comment threads and the moderation queue: oldest first (comments aliased `c`). */
export const BY_CREATED_AT_ASC: KeysetOrder = {
  name: 'comment',
  column: 'c.created_at',
  type: 'timestamptz',
  direction: 'ASC',
  idColumn: 'c.id',
};

/** Authors by name (aliased `a`). */
export const BY_NAME: KeysetOrder = {
  name: 'name',
  column: 'a.name',
  type: 'text',
  direction: 'ASC',
  idColumn: 'a.id',
};

/** Redirects: newest first (aliased `r`). */
export const BY_CREATED_AT_DESC: KeysetOrder = {
  name: 'created',
  column: 'r.created_at',
  type: 'timestamptz',
  direction: 'DESC',
  idColumn: 'r.id',
};

/** The media library: newest first (media aliased `m`). */
export const BY_MEDIA_CREATED_AT: KeysetOrder = {
  name: 'media',
  column: 'm.created_at',
  type: 'timestamptz',
  direction: 'DESC',
  idColumn: 'm.id',
};
