import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * A counter of events per key in a sliding window. Behind an interface so that a shared store
 * (Redis, for several server processes) can replace the in-memory one without touching callers.
 */
export interface RateLimiter {
  /** Milliseconds until `key` may act again, or 0 when it is under its limit. */
  blockedForMs(key: string): Promise<number>;
  /** Counts one event; resolves to the milliseconds to wait when this one went over the limit, else 0. */
  hit(key: string): Promise<number>;
  /** Takes back one counted event (an attempt that turned out not to count, e.g. a good password). */
  refund(key: string): Promise<void>;
}

/** In-process limiter from rate-limiter-flexible; right for one server process. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly points: number,
    windowSeconds: number,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  async blockedForMs(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    return state && state.consumedPoints >= this.points ? Math.max(1, state.msBeforeNext) : 0;
  }

  async hit(key: string): Promise<number> {
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
      throw rejection;
    }
  }

  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }
}

/** A limiter that never holds anyone back: for the demo seed, which writes as many comments as it has. */
export const NO_RATE_LIMIT: RateLimiter = {
  blockedForMs: async () => 0,
  hit: async () => 0,
  refund: async () => undefined,
};
