import type { ApolloServerPlugin } from '@apollo/server';
import { RequestFacts } from '../context/request-facts';
import { GRAPHQL_VARY, markPrivate, markPublic } from '../http-cache/cache-headers';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { isPublicAnswer } from './public-answer';
import { ResponseCache } from './response-cache';

/**
 * The `Cache-Control` of each GraphQL answer: public (`public, max-age=N,
 * stale-while-revalidate=M`, varying on Accept and Authorization, tagged with its cache keys) when
 * `isPublicAnswer` says so, `private, no-store` otherwise. A public answer to a request the
 * response cache missed is kept there.
 */
export function cachePolicyPlugin(
  publicCacheControl: PublicCacheControl,
  responseCache: ResponseCache,
): ApolloServerPlugin<{ viewer: unknown; facts?: RequestFacts }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(context) {
          const { headers } = context.response.http;
          const set = headers.set.bind(headers);
          if (!publicCacheControl.enabled || !isPublicAnswer(context)) {
            markPrivate(set);
            return;
          }
          const { facts } = context.contextValue;
          const keys = [...(facts?.cacheKeys ?? [])];
          await markPublic(set, publicCacheControl, keys, GRAPHQL_VARY);
          const answer = context.response.body;
          const miss = facts ? responseCache.missed(facts) : undefined;
          if (facts && miss && answer.kind === 'single') {
            headers.set('x-broadsheet-cache', 'miss');
            // The type a hit of it is sent as (Apollo sets none that is set already): the same, by construction.
            headers.set('content-type', miss.contentType);
            await responseCache.remember(facts, answer.singleResult, keys, context.operation?.name?.value);
          }
        },
      };
    },
  };
}
