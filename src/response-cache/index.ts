import { DataSource } from 'typeorm';
import { EventBus } from '../bus/event-bus';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { RequestFacts } from '../context/request-facts';
import { watchCommittedChanges } from '../events/committed-changes';
import { markPrivate } from '../http-cache/cache-headers';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { ScheduleHorizon } from '../http-cache/schedule-horizon';
import { Logger } from '../logger';
import { RedisClients } from '../redis/redis-clients';
import { MemoryAnswerStore } from './answer-store';
import { cachePolicyPlugin } from './cache-policy.plugin';
import { RedisAnswerStore } from './redis-answer-store';
import { ResponseCache } from './response-cache';
import { responseCacheConsumer } from './response-cache.consumer';

export interface ResponseCacheDeps {
  db: DataSource;
  /** With REDIS_URL, every instance shares one store of answers. */
  redis: RedisClients | undefined;
  bus: EventBus;
  horizon: ScheduleHorizon;
  publicCacheControl: PublicCacheControl;
  config: Pick<Config, 'responseCacheEntries' | 'responseCacheMaxBytes' | 'responseCacheMaxEntryBytes' | 'cacheMaxAge'>;
  logger: Logger;
  /** With read replicas: requests of a client whose write they do not have yet pass the cache by. */
  replicas?: { awaitsOwnWrite(facts: RequestFacts): boolean };
}

/** The response cache's capability, and what it holds in this process (for /metrics). */
export interface ResponseCacheCapability extends Capability {
  size(): { bytes: number; entries: number };
}

/**
 * HTTP caching of GraphQL answers: the `Cache-Control` of every answer (one decision of
 * "public", public-answer.ts), and the response cache that keeps public answers (in memory, or
 * in Redis for every instance) and answers a burst of the same anonymous request with one
 * execution. What it adds to a request: `private, no-store` until decided (so answers refused
 * before GraphQL runs are never stored), a lookup in front of Apollo, and the plugin that
 * decides and keeps. Its per-request state (which requests missed) is a WeakMap inside
 * ResponseCache. It drops answers when their cache keys change: a change of this process at
 * commit (before the write answers), and every change again when its event comes round: its
 * consumer drops the keys from a shared store until that works, then puts them on the bus, which
 * every instance hears. Answers are bounded: each by RESPONSE_CACHE_MAX_ENTRY_BYTES, the store in
 * memory by RESPONSE_CACHE_MAX_BYTES and RESPONSE_CACHE_ENTRIES.
 */
export function responseCache(deps: ResponseCacheDeps): ResponseCacheCapability {
  const { config, logger } = deps;
  const store = deps.redis
    ? new RedisAnswerStore(deps.redis)
    : new MemoryAnswerStore({ maxEntries: config.responseCacheEntries, maxBytes: config.responseCacheMaxBytes });
  const cache = new ResponseCache({
    store,
    horizon: deps.horizon,
    publicCacheControl: deps.publicCacheControl,
    enabled: config.responseCacheEntries > 0 && config.cacheMaxAge > 0,
    maxEntryBytes: config.responseCacheMaxEntryBytes,
    onError: (error) => logger.warn('response cache unavailable; answering afresh', { cause: String(error) }),
    passes: deps.replicas && ((facts) => deps.replicas!.awaitsOwnWrite(facts)),
  });
  watchCommittedChanges(deps.db, (keys) => cache.forget(keys));
  const unlisten = deps.bus.listen((event) => {
    if (event.kind === 'keys.changed') void cache.changedElsewhere(event.keys);
  });
  return {
    name: 'response cache',
    graphql: {
      beforeBody: [
        (_req, res, next) => {
          markPrivate(res.setHeader.bind(res));
          next();
        },
      ],
      afterBody: [cache.middleware],
    },
    plugins: [cachePolicyPlugin(deps.publicCacheControl, cache)],
    consumers: [responseCacheConsumer(cache, deps.bus)],
    stop: async () => unlisten(),
    size: () => cache.size(),
  };
}
