import { PublicCacheControl } from './public-cache-control';

/** Sets one response header: Express's `res.setHeader` or Apollo's `HeaderMap.set`, bound. */
export type SetHeader = (name: string, value: string) => unknown;

/**
 * The only writer of `Cache-Control` (GraphQL answers, response-cache hits, feeds). Private: no
 * cache may keep it.
 */
export function markPrivate(set: SetHeader): void {
  set('cache-control', 'private, no-store');
}

/**
 * What a GraphQL answer of a URL depends on besides the URL: the type the client accepts
 * (`application/json` or `application/graphql-response+json`, the same body) and whether it
 * signed in. A shared cache keeps one answer per pair, never handing one to the other.
 */
export const GRAPHQL_VARY = 'Accept, Authorization';

/**
 * Public: the policy's max-age cut at the next scheduled go-live, the cache tags of what it read
 * (what to purge it by, in the headers CACHE_TAG_HEADERS names) and, where the same URL answers differently by request headers, the
 * `Vary` naming them (GraphQL answers: GRAPHQL_VARY), so a shared cache does not hand one to the other.
 */
export async function markPublic(
  set: SetHeader,
  control: PublicCacheControl,
  keys: Iterable<string>,
  vary?: typeof GRAPHQL_VARY,
): Promise<void> {
  set('cache-control', await control.header());
  // Set, not appended: Apollo copies its headers over Express's, so CORS's `Vary: Origin` is named here too.
  if (vary) set('vary', control.vary(vary));
  for (const [name, value] of control.tagHeaders(keys)) set(name, value);
}
