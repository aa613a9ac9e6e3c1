import { createHash } from 'node:crypto';
import { toGlobalId } from './global-id';

/** Half of a UTF-16 pair on its own (a client can send one): encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The names caches know content by (CONTRACT.md "Delivery"): events name the keys a change
 * affects, answers the keys of what they contain, and a purge of a key drops every answer
 * tagged with it. Ids are the ones the API serves.
 */
export const CacheKey = {
  post: (postId: string) => `post:${toGlobalId('Post', postId)}`,
  author: (authorId: string) => `author:${toGlobalId('Author', authorId)}`,
  media: (mediaId: string) => `media:${toGlobalId('Media', mediaId)}`,
  /** Percent-encoded: a tag may hold spaces, commas and any letter, which headers cannot carry. */
  tag: (tag: string) => `tag:${encodeURIComponent(tag.replace(LONE_SURROGATE, '\uFFFD'))}`,
  /** Every list of posts (feeds, search, tags, related posts): any post change may reorder one. */
  postLists: 'list:post',
  featured: 'featured',
  /**
   * What resolveUrl answers for a normalised path of the site (src/domain/url-path.ts): a
   * redirect made, removed or repointed there, or a post moving there, purges it. A path may be
   * 2,048 characters, so the key holds 22 characters of its SHA-256 instead.
   */
  path: (path: string) => `path:${createHash('sha256').update(path).digest('base64url').slice(0, 22)}`,
} as const;
