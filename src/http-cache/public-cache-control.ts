import { Config } from '../config';
import type { CacheTagHeaders } from '../setting-values';
import { cacheTagHeaders } from './cache-tags';
import { ScheduleHorizon } from './schedule-horizon';

export interface CachePolicy {
  /** `max-age` of public answers, in seconds; 0 caches nothing. */
  maxAge: number;
  /** How long a cache may serve a stale answer while it fetches a fresh one. */
  staleWhileRevalidate: number;
  /**
   * Whether answers depend on the request's Origin: CORS_ORIGIN lists origins, so each gets its
   * own `Access-Control-Allow-Origin`, and a shared cache must keep one answer per origin.
   */
  varyOrigin?: boolean;
  /** Which cache-tag headers name what a public answer contains (CACHE_TAG_HEADERS). */
  tagHeaders: CacheTagHeaders;
}

/**
 * The Cache-Control of a public answer: the policy's max-age and stale-while-revalidate, cut to
 * end when the next scheduled post goes live. That moment writes nothing a purge could follow
 * (visibility is decided when read), so no cache may keep an answer past it.
 */
export class PublicCacheControl {
  constructor(
    private readonly policy: CachePolicy,
    private readonly horizon: ScheduleHorizon,
  ) {}

  /**
   * The policy of CACHE_MAX_AGE, CACHE_STALE_WHILE_REVALIDATE, CORS_ORIGIN (a list of origins
   * varies answers by Origin) and CACHE_TAG_HEADERS.
   */
  static of(
    config: Pick<Config, 'cacheMaxAge' | 'cacheStaleWhileRevalidate' | 'corsOrigin' | 'cacheTagHeaders'>,
    horizon: ScheduleHorizon,
  ): PublicCacheControl {
    const varyOrigin = !config.corsOrigin.split(',').some((origin) => origin.trim() === '*');
    const policy: CachePolicy = {
      maxAge: config.cacheMaxAge,
      staleWhileRevalidate: config.cacheStaleWhileRevalidate,
      varyOrigin,
      tagHeaders: config.cacheTagHeaders,
    };
    return new PublicCacheControl(policy, horizon);
  }

  /** The cache-tag headers of a public answer with these cache keys, as CACHE_TAG_HEADERS asks. */
  tagHeaders(keys: Iterable<string>): Array<[name: string, value: string]> {
    return cacheTagHeaders(keys, this.policy.tagHeaders);
  }

  /** `Vary` of a public GraphQL answer: what it depends on besides its URL (see markPublic). */
  vary(graphqlVary: string): string {
    return this.policy.varyOrigin ? `${graphqlVary}, Origin` : graphqlVary;
  }

  /** CACHE_MAX_AGE=0: nothing is public. */
  get enabled(): boolean {
    return this.policy.maxAge > 0;
  }

  /** Seconds an answer made now may be kept: max-age, and max-age plus stale-while-revalidate. */
  async lifetime(): Promise<{ maxAge: number; staleWhileRevalidate: number }> {
    const untilGoLive = Math.max(0, Math.floor(((await this.horizon.nextGoLive()) - Date.now()) / 1000));
    const maxAge = Math.min(this.policy.maxAge, untilGoLive);
    return { maxAge, staleWhileRevalidate: Math.min(this.policy.staleWhileRevalidate, untilGoLive - maxAge) };
  }

  async header(): Promise<string> {
    const { maxAge, staleWhileRevalidate } = await this.lifetime();
    return `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
  }
}
