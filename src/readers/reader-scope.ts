import { Viewer } from '../auth/viewer';
import { Queryable } from '../db/queryable';
import { Post } from '../entities/post.entity';
import { Loaders } from '../loaders';

/** What every reader of one request shares: the pool, the request's loaders, and who asks. */
export interface ReaderScope {
  db: Queryable;
  loaders: Loaders;
  /** Read at each call: signing in during a request (login) changes who asks for the rest of it. */
  viewer(): Viewer | null;
  /** The cache keys of what this request read (src/domain/cache-keys.ts), for its answer's cache tags. */
  cacheKeys: Set<string>;
  /**
   * The posts this request opened with a preview token (previewPost), by id, each the one object
   * answered. Only the readers of such a post's own parts look here; no other read does.
   */
  openedByPreview: Map<string, Post>;
}
