import { CacheKey } from '../domain/cache-keys';
import type { CacheTagHeaders } from '../setting-values';

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
 * Varnish xkey), `Cache-Tag` by commas (Cloudflare), as `which` asks. None when there is nothing
 * to name.
 */
export function cacheTagHeaders(keys: Iterable<string>, which: CacheTagHeaders): Array<[name: string, value: string]> {
  if (which === 'none') return [];
  const tags = cacheTags(keys);
  if (tags.length === 0) return [];
  const headers: Array<[name: string, value: string]> = [];
  if (which !== 'cache-tag') headers.push(['surrogate-key', tags.join(' ')]);
  if (which !== 'surrogate-key') headers.push(['cache-tag', tags.join(',')]);
  return headers;
}
