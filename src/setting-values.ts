import v8 from 'node:v8';
import { LOG_LEVELS, LogLevel } from './logger';
/** Parsers of single settings from the environment, each refusing what it cannot use with a message naming the setting. */

export function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function atLeastOne(name: string, value: string | undefined, fallback: number): number {
  const n = int(name, value, fallback);
  if (n < 1) throw new Error(`${name} must be at least 1, got "${value}"`);
  return n;
}

/**
 * A signing secret short enough to guess makes every token forgeable. 32 bytes is the size of
 * the HS256 hash; `openssl rand -base64 48` makes a good one.
 */
export const MIN_SECRET_BYTES = 32;

export function assertStrongSecret(secret: string): void {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    throw new Error(
      `JWT_SECRET is ${bytes} bytes; it must be at least ${MIN_SECRET_BYTES}. Generate one with: openssl rand -base64 48`,
    );
  }
}

export function logLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${value}"`);
  }
  return value as LogLevel;
}

export function required(env: NodeJS.ProcessEnv, name: string, target: string): string {
  const value = env[name];
  if (!value) throw new Error(`PURGE_TARGET=${target} needs ${name}`);
  return value;
}

/**
 * The site's address: every link in feeds and sitemaps is made from it, so one that cannot be
 * the base of a URL (which made every feed a 500) stops the start instead.
 */
export function publicBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const refused = new Error(
    'PUBLIC_BASE_URL must be an http:// or https:// URL with no credentials, query or fragment, such as https://news.example.com',
  );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refused;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash)
    throw refused;
  if (!/^https?:\/\/[^/]/.test(value)) throw refused;
  return value;
}

export function previewUrlTemplate(value: string | undefined): string {
  if (value === undefined || value === '') return '/preview/{token}';
  if (!value.includes('{token}') || !/^(\/|https?:\/\/[^/])/.test(value)) {
    throw new Error('PREVIEW_URL_TEMPLATE must be a path (/...) or an http(s) URL containing {token}');
  }
  return value;
}

export function redisUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^rediss?:\/\//.test(value)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return value;
}

/**
 * A sixteenth of the heap V8 may grow to (`--max-old-space-size`, or what Node chose for the
 * machine), so the cache shrinks with the process: 64 MiB under a 1 GiB heap, 256 MiB under 4 GiB.
 */
export function defaultResponseCacheBytes(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / 16);
}

/** Sandbox loads from Apollo's CDN; offline is Ruru, served from this server (src/ide). */
export type GraphqlIde = 'sandbox' | 'offline' | 'off';

export type GraphqlExecution = 'compiled' | 'resolvers';

/** GRAPHQL_EXECUTION: compiled (the default) or resolvers. */
export function graphqlExecution(value: string | undefined): GraphqlExecution {
  if (value === undefined || value === '') return 'compiled';
  if (value === 'compiled' || value === 'resolvers') return value;
  throw new Error(`GRAPHQL_EXECUTION must be compiled or resolvers; got "${value}"`);
}

/** GRAPHQL_IDE; before it, GRAPHQL_LANDING_PAGE=true|false said sandbox or off, and still does. */
export function graphqlIde(env: NodeJS.ProcessEnv, production: boolean): GraphqlIde {
  const value = env.GRAPHQL_IDE;
  if (value === undefined || value === '') return bool(env.GRAPHQL_LANDING_PAGE, !production) ? 'sandbox' : 'off';
  if (value === 'sandbox' || value === 'offline' || value === 'off') return value;
  throw new Error(`GRAPHQL_IDE must be sandbox, offline or off; got "${value}"`);
}

/**
 * Which cache-tag headers answers carry (CACHE_TAG_HEADERS): both, one, or none. Each names every
 * key of an answer (a 20-post feed: about 4.7 KB each) that only a CDN or proxy in front reads.
 */
export type CacheTagHeaders = 'both' | 'surrogate-key' | 'cache-tag' | 'none';

export function cacheTagHeaders(value: string | undefined): CacheTagHeaders {
  if (value === undefined || value === '') return 'both';
  const choice = value.trim().toLowerCase();
  if (choice === 'both' || choice === 'surrogate-key' || choice === 'cache-tag' || choice === 'none') return choice;
  throw new Error(`CACHE_TAG_HEADERS must be both, surrogate-key, cache-tag or none; got "${value}"`);
}

/** DATABASE_REPLICA_URLS: postgres:// URLs separated by commas; none when unset. */
export function postgresUrls(name: string, value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\/[^/]/.test(url)) throw new Error(`${name} must be postgres:// URLs separated by commas`);
  }
  return urls;
}
