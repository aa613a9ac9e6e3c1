import { createHash } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisClients } from '../redis/redis-clients';

/**
 * A counter of events per key in a window. Behind an interface so that callers do not know
 * whether it counts in this process or in Redis, shared by every instance.
 */
export interface RateLimiter {
  /** Milliseconds until `key` may act again, or 0 when it is under its limit. */
  blockedForMs(key: string): Promise<number>;
  /** Counts one event; resolves to the milliseconds to wait when this one went over the limit, else 0. */
  hit(key: string): Promise<number>;
  /** Takes back one counted event (an attempt that turned out not to count, e.g. a good password). */
  refund(key: string): Promise<void>;
}

/**
 * What a counter is stored under: 22 base64url characters (132 bits) of the key's SHA-256,
 * whatever the key's length. Keys are made of what clients send (an email, an address from
 * X-Forwarded-For), and a counter lives for its whole window: stored as they came, 150 failed
 * logins with 900 KB emails held 185 MB (issue 16). 132 bits leave a collision, which would only
 * make two keys share a counter, beyond anyone's reach.
 */
function storedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

/** Any of rate-limiter-flexible's stores, behind our interface. */
class FlexibleRateLimiter implements RateLimiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
  ) {}

  async blockedForMs(key: string): Promise<number> {
    const state = await this.limiter.get(storedKey(key));
    return state && state.consumedPoints >= this.points ? Math.max(1, state.msBeforeNext) : 0;
  }

  async hit(key: string): Promise<number> {
    try {
      await this.limiter.consume(storedKey(key));
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      throw rejection;
    }
  }

  async refund(key: string): Promise<void> {
    await this.limiter.reward(storedKey(key), 1);
  }
}

/** Counts in this process: right for a single instance. */
export function memoryRateLimiter(points: number, windowSeconds: number): RateLimiter {
  return new FlexibleRateLimiter(new RateLimiterMemory({ points, duration: windowSeconds }), points);
}

/**
 * Counts in Redis, shared by every instance, so a client cannot multiply its allowance by the
 * number of instances. While Redis is away (or not yet connected) it counts in this process
 * (rate-limiter-flexible's insurance limiter): limits loosen for the outage, requests go on.
 */
export function redisRateLimiter(
  redis: RedisClients,
  name: string,
  points: number,
  windowSeconds: number,
): RateLimiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis.commands,
    keyPrefix: `${redis.prefix}limit:${name}`,
    points,
    duration: windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
  });
  return new FlexibleRateLimiter(limiter, points);
}

/** A limiter that never holds anyone back: for the demo seed, which writes as many comments as it has. */
export const NO_RATE_LIMIT: RateLimiter = {
  blockedForMs: async () => 0,
  hit: async () => 0,
  refund: async () => undefined,
};
