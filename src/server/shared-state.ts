import { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { EventBus, LocalEventBus } from '../bus/event-bus';
import { RedisEventBus } from '../bus/redis-event-bus';
import { Config } from '../config';
import { RateLimiter, memoryRateLimiter, redisRateLimiter } from '../limits/rate-limiter';
import { Logger } from '../logger';
import { RedisClients, connectRedis } from '../redis/redis-clients';
import { RedisKeyValueCache } from '../redis/redis-key-value-cache';
import { LoginLimiters } from '../services/login.service';

/** A day, so a hash stays known between visits; every key in Redis expires (see README). */
const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

/**
 * What several instances must agree on: with REDIS_URL it lives in Redis (the bus's pub/sub,
 * rate-limit counters, persisted queries; the response cache picks its store from `redis`),
 * without it in this process. The one place that chooses.
 */
export interface SharedState {
  redis: RedisClients | undefined;
  /** Where the dispatcher hands events; every instance's subscribers and caches hear them. */
  bus: EventBus;
  /** The services' rate limiters: anonymous comments per client, failed logins per account and client. */
  serviceLimiters(): { commentLimiter: RateLimiter; loginLimiters: LoginLimiters };
  /** Apollo's `persistedQueries` option: shared through Redis, or Apollo's own in-memory default. */
  persistedQueries: { cache: KeyValueCache<string>; ttl: number } | undefined;
  close(): Promise<void>;
}

type SharingConfig = Pick<
  Config,
  | 'redisUrl'
  | 'redisKeyPrefix'
  | 'commentsPerMinute'
  | 'loginMaxFailuresPerAccount'
  | 'loginMaxFailuresPerIp'
  | 'loginWindowSeconds'
>;

export function connectSharedState(config: SharingConfig, logger: Logger): SharedState {
  const redis = config.redisUrl ? connectRedis(config.redisUrl, config.redisKeyPrefix, logger) : undefined;
  const bus: EventBus = redis ? new RedisEventBus(redis) : new LocalEventBus();
  const rateLimiter = (name: string, points: number, windowSeconds: number): RateLimiter =>
    redis ? redisRateLimiter(redis, name, points, windowSeconds) : memoryRateLimiter(points, windowSeconds);
  return {
    redis,
    bus,
    serviceLimiters: () => ({
      commentLimiter: rateLimiter('comments', config.commentsPerMinute, 60),
      loginLimiters: {
        perAccountAndIp: rateLimiter('login-account', config.loginMaxFailuresPerAccount, config.loginWindowSeconds),
        perIp: rateLimiter('login-ip', config.loginMaxFailuresPerIp, config.loginWindowSeconds),
      },
    }),
    persistedQueries: redis
      ? { cache: new RedisKeyValueCache(redis, 'apq:'), ttl: PERSISTED_QUERY_TTL_SECONDS }
      : undefined,
    close: async () => {
      await bus.close();
      await redis?.close();
    },
  };
}
