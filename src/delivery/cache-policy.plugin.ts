import type { ApolloServerPlugin } from '@apollo/server';
import { RequestFacts } from '../observability/request-facts';
import { cacheTagHeaders } from './cache-tags';
import { selectsOnlyPublic } from './operation-privacy';
import { PublicCacheControl } from './public-cache-control';
import { ResponseCache } from './response-cache';

/**
 * The `Cache-Control` of each GraphQL answer. Public (`public, max-age=N,
 * stale-while-revalidate=M`, varying on Authorization) when it can only be what everyone gets:
 * a query, from a request without a token, that selects nothing the schema marks as depending
 * on who asks (`@cacheControl(scope: PRIVATE)`: `me`, moderation, emails, revisions), answered
 * without errors. Anything else is `private, no-store`. Public answers are what the response
 * cache keeps.
 */
export function cachePolicyPlugin(
  publicCacheControl: PublicCacheControl,
  responseCache?: ResponseCache,
): ApolloServerPlugin<{ viewer: unknown; facts?: RequestFacts }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, document, schema, contextValue, errors }) {
          const answer = response.body;
          const cacheable =
            publicCacheControl.enabled &&
            operation?.operation === 'query' &&
            !request.http?.headers.get('authorization') &&
            contextValue?.viewer === null &&
            !errors?.length &&
            answer.kind === 'single' &&
            !answer.singleResult.errors?.length &&
            document !== undefined &&
            selectsOnlyPublic(schema, document, operation);
          const { headers } = response.http;
          headers.set('cache-control', cacheable ? await publicCacheControl.header() : 'private, no-store');
          if (!cacheable) return;
          // A shared cache must not hand an anonymous answer to a signed-in request of the same URL.
          headers.set('vary', 'Authorization');
          // What to purge it by.
          const keys = [...(contextValue.facts?.cacheKeys ?? [])];
          for (const [name, value] of cacheTagHeaders(keys)) headers.set(name, value);
          if (responseCache && contextValue.facts?.cacheMiss && answer.kind === 'single') {
            headers.set('x-broadsheet-cache', 'miss');
            await responseCache.remember(contextValue.facts, answer.singleResult, keys, operation.name?.value);
          }
        },
      };
    },
  };
}
