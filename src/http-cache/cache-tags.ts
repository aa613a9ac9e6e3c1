import { CacheKey } from '../domain/cache-keys';

/**
 * Bytes of keys an answer may carry: half of what Fastly (Surrogate-Key) and Cloudflare
 * (Cache-Tag) take in one header, so either fits with room for a proxy's own.
 */
const MAX_KEY_BYTES = 8000;

/**
 * The keys an answer is tagged with: what it read, or, when those would not fit in a header,
 * the list key (and `featured`). Every event that changes a post, its comments, links or author
 * also purges the list key, so an answer tagged with it alone is still purged by each of them.
 */
export function cacheTags(keys: Iterable<string>): string[] {
  const all = [...keys].sort();
  const bytes = all.reduce((sum, key) => sum + key.length + 1, 0);
  if (bytes <= MAX_KEY_BYTES) return all;
  return all.includes(CacheKey.featured) ? [CacheKey.featured, CacheKey.postLists] : [CacheKey.postLists];
}

/**
 * The headers that name an answer's cache tags: `Surrogate-Key` separated by spaces (Fastly,
 * Varnish xkey), `Cache-Tag` by commas (Cloudflare). None when there is nothing to name.
 */
export function cacheTagHeaders(keys: Iterable<string>): Array<[name: string, value: string]> {
  const tags = cacheTags(keys);
  return tags.length === 0
    ? []
    : [
        ['surrogate-key', tags.join(' ')],
        ['cache-tag', tags.join(',')],
      ];
}
