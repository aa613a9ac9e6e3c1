import path from 'node:path';
import { LogLevel } from './logger';
import { MediaConfig, loadMediaConfig } from './media-config';
import { PurgeConfig, purgeConfig } from './purge-settings';
import {
  assertStrongSecret,
  atLeastOne,
  bool,
  CacheTagHeaders,
  cacheTagHeaders,
  defaultResponseCacheBytes,
  GraphqlExecution,
  graphqlExecution,
  GraphqlIde,
  graphqlIde,
  int,
  logLevel,
  postgresUrls,
  previewUrlTemplate,
  publicBaseUrl,
  redisUrl,
} from './setting-values';
import { TracingSettings, loadTracingSettings } from './tracing-settings';
import { WebhookSettings, loadWebhookSettings } from './webhook-settings';

export type { PurgeConfig } from './purge-settings';
export { MIN_SECRET_BYTES } from './setting-values';

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  /** Unset means: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /** Read replicas of that database (streaming standbys): anonymous reads go to them. */
  databaseReplicaUrls: string[];
  /** A replica further behind the primary than this (by WAL positions) is skipped until it catches up. */
  replicaMaxLagMs: number;
  /** How often the primary's and the replicas' WAL positions are read. */
  replicaCheckIntervalMs: number;
  dataDir: string;
  /** Port of the embedded PostgreSQL; not 5432, which is often taken. */
  embeddedPgPort: number;
  production: boolean;
  /** Undefined means: generate one and keep it in `dataDir` (not allowed in production). */
  jwtSecret: string | undefined;
  jwtExpiresIn: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  seedDemo: boolean;
  introspection: boolean;
  /**
   * GRAPHQL_EXECUTION: `compiled` runs queries compiled by graphql-jit (README "Compiled
   * execution"); `resolvers` runs every operation on graphql-js, the path before it.
   */
  graphqlExecution: GraphqlExecution;
  /** Compiled queries kept (one per document and operation name), least recently used out. */
  compiledQueryCacheEntries: number;
  /** Cost estimates kept (one per document, operation and shape of the variables). */
  operationCostCacheEntries: number;
  /** What GET /graphql shows a browser (GRAPHQL_IDE; README "Apollo Sandbox and signing in"). */
  graphqlIde: GraphqlIde;
  /** Express `trust proxy` setting, so rate limits see the real client IP behind a proxy. */
  trustProxy: string | boolean;
  corsOrigin: string;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  commentsPerMinute: number;
  /** Where the front end shows a post: the `url` of related links to posts. `{slug}` is replaced. */
  postUrlTemplate: string;
  logLevel: LogLevel;
  /** When set, GET /metrics needs `Authorization: Bearer <it>`. */
  metricsToken: string | undefined;
  /** How long a stop may wait for in-flight requests before it exits anyway. */
  shutdownTimeoutSeconds: number;
  /** How long a stop keeps serving with /readyz failing before it closes the listener. */
  shutdownDelaySeconds: number;
  /** How often scheduled posts that went live are looked for, to announce them. */
  goLiveIntervalMs: number;
  /** How often the dispatcher looks for events it was not woken for (LISTEN/NOTIFY wakes it at once). */
  eventsPollIntervalMs: number;
  /** Events older than this, handed to every consumer, are removed; 0 keeps them all. */
  eventsRetentionDays: number;
  /** Several instances share rate limits, persisted queries and live events through it; unset: one process. */
  redisUrl: string | undefined;
  /** Prefix of Broadsheet's keys and channels in Redis. */
  redisKeyPrefix: string;
  subscriptionsPerConnection: number;
  subscriptionsPerClientIp: number;
  /**
   * The cost budget of a subscription (objects, lists multiplied out), far below a query's: its
   * selection is run again at each event, for each subscriber.
   */
  liveMaxCost: number;
  /** Pings on idle WebSocket connections, so proxies keep them and dead clients are noticed. */
  websocketKeepAliveSeconds: number;
  /**
   * What one event stream (Server-Sent Events) may have waiting for its client, in bytes: a
   * stream still further behind when its next message comes is ended (a client that never reads).
   */
  liveStreamMaxBufferBytes: number;
  /** `max-age` of public answers (anonymous queries of public content); 0: nothing is cacheable. */
  cacheMaxAge: number;
  /** `stale-while-revalidate` of public answers. */
  cacheStaleWhileRevalidate: number;
  /** The cache-tag headers public answers carry: what the CDN or proxy in front reads. */
  cacheTagHeaders: CacheTagHeaders;
  /** The site's address for absolute links in feeds and sitemaps; unset: each request's own. */
  publicBaseUrl: string | undefined;
  /** The site's name in feeds and the news sitemap. */
  siteTitle: string;
  /** The language of the site's posts (feeds, news sitemap), as a BCP 47 tag. */
  siteLanguage: string;
  /** Anonymous answers the response cache keeps in memory (without Redis); 0 turns it off. */
  responseCacheEntries: number;
  /** Bytes the response cache keeps in memory at most (without Redis); past it the least recently used go. */
  responseCacheMaxBytes: number;
  /** The largest answer the response cache keeps, in memory or in Redis; a larger one is answered, not kept. */
  responseCacheMaxEntryBytes: number;
  /** Where events' cache keys are purged (PURGE_TARGET); unset: nothing is purged. */
  purge: PurgeConfig | undefined;
  /**
   * The largest answer an Idempotency-Key keeps, in bytes; a keyed mutation whose answer is
   * larger is undone and refused (it could not be answered again). 0: no limit.
   */
  idempotencyMaxAnswerBytes: number;
  /**
   * Answers one client (a signed-in author, else an address) may have kept in the last hour;
   * past it a keyed mutation is undone and refused (RATE_LIMITED). 0: no limit.
   */
  idempotencyKeysPerClientPerHour: number;
  /** Where the front end shows a preview: the `url` of preview links. `{token}` is replaced. */
  previewUrlTemplate: string;
  /** Live preview links one post may have; making one more revokes its oldest. */
  previewLinksPerPost: number;
  /** The media library: storage, limits, rendition widths and crop ratios (src/media-config.ts). */
  media: MediaConfig;
  /** WEBHOOK_*: delivery timeout, retries, disabling, private networks, bounds (src/webhook-settings.ts). */
  webhooks: WebhookSettings;
  /**
   * OpenTelemetry tracing (OTEL_*, src/tracing-settings.ts); undefined: off. main.ts starts it
   * from the same parser before this is read (tracing-start.ts); here an unusable value stops the start.
   */
  tracing: TracingSettings | undefined;
}

/** Reads the configuration; throws with a readable message when a value is unusable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL');
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  if (production && !jwtSecret) throw new Error('JWT_SECRET is required when NODE_ENV=production');
  if (jwtSecret) assertStrongSecret(jwtSecret);
  const trustProxyRaw = env.TRUST_PROXY ?? 'loopback';
  const dataDir = path.resolve(env.DATA_DIR || './.data');
  return {
    port: int('PORT', env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    databaseReplicaUrls: postgresUrls('DATABASE_REPLICA_URLS', env.DATABASE_REPLICA_URLS),
    replicaMaxLagMs: int('REPLICA_MAX_LAG_MS', env.REPLICA_MAX_LAG_MS, 2000),
    replicaCheckIntervalMs: atLeastOne('REPLICA_CHECK_INTERVAL_MS', env.REPLICA_CHECK_INTERVAL_MS, 250),
    dataDir,
    embeddedPgPort: int('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    production,
    jwtSecret,
    jwtExpiresIn: env.JWT_EXPIRES_IN || '7d',
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    // Demo content holds a published demo password: never by default in production.
    seedDemo: bool(env.SEED_DEMO, !databaseUrl && !production),
    introspection: bool(env.GRAPHQL_INTROSPECTION, !production),
    graphqlExecution: graphqlExecution(env.GRAPHQL_EXECUTION),
    compiledQueryCacheEntries: int('COMPILED_QUERY_CACHE_ENTRIES', env.COMPILED_QUERY_CACHE_ENTRIES, 1000),
    operationCostCacheEntries: int('OPERATION_COST_CACHE_ENTRIES', env.OPERATION_COST_CACHE_ENTRIES, 1000),
    graphqlIde: graphqlIde(env, production),
    trustProxy: ['true', 'false'].includes(trustProxyRaw) ? trustProxyRaw === 'true' : trustProxyRaw,
    corsOrigin: env.CORS_ORIGIN || '*',
    loginMaxFailuresPerAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', env.LOGIN_MAX_FAILURES_PER_ACCOUNT, 10),
    loginMaxFailuresPerIp: int('LOGIN_MAX_FAILURES_PER_IP', env.LOGIN_MAX_FAILURES_PER_IP, 100),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', env.LOGIN_WINDOW_SECONDS, 15 * 60),
    commentsPerMinute: int('COMMENTS_PER_MINUTE', env.COMMENTS_PER_MINUTE, 5),
    postUrlTemplate: env.POST_URL_TEMPLATE || '/posts/{slug}',
    logLevel: logLevel(env.LOG_LEVEL),
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownTimeoutSeconds: int('SHUTDOWN_TIMEOUT_SECONDS', env.SHUTDOWN_TIMEOUT_SECONDS, 15),
    shutdownDelaySeconds: int('SHUTDOWN_DELAY_SECONDS', env.SHUTDOWN_DELAY_SECONDS, 0),
    goLiveIntervalMs: int('GO_LIVE_INTERVAL_MS', env.GO_LIVE_INTERVAL_MS, 1000),
    eventsPollIntervalMs: int('EVENTS_POLL_INTERVAL_MS', env.EVENTS_POLL_INTERVAL_MS, 1000),
    eventsRetentionDays: int('EVENTS_RETENTION_DAYS', env.EVENTS_RETENTION_DAYS, 7),
    redisUrl: redisUrl(env.REDIS_URL),
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'broadsheet:',
    subscriptionsPerConnection: int('SUBSCRIPTIONS_PER_CONNECTION', env.SUBSCRIPTIONS_PER_CONNECTION, 20),
    subscriptionsPerClientIp: int('SUBSCRIPTIONS_PER_CLIENT_IP', env.SUBSCRIPTIONS_PER_CLIENT_IP, 200),
    liveMaxCost: int('LIVE_MAX_COST', env.LIVE_MAX_COST, 1000),
    websocketKeepAliveSeconds: int('WEBSOCKET_KEEPALIVE_SECONDS', env.WEBSOCKET_KEEPALIVE_SECONDS, 12),
    liveStreamMaxBufferBytes: int('LIVE_STREAM_MAX_BUFFER_BYTES', env.LIVE_STREAM_MAX_BUFFER_BYTES, 1024 * 1024),
    cacheMaxAge: int('CACHE_MAX_AGE', env.CACHE_MAX_AGE, 60),
    cacheStaleWhileRevalidate: int('CACHE_STALE_WHILE_REVALIDATE', env.CACHE_STALE_WHILE_REVALIDATE, 30),
    cacheTagHeaders: cacheTagHeaders(env.CACHE_TAG_HEADERS),
    publicBaseUrl: publicBaseUrl(env.PUBLIC_BASE_URL),
    siteTitle: env.SITE_TITLE || 'Broadsheet',
    siteLanguage: env.SITE_LANGUAGE || 'en',
    responseCacheEntries: int('RESPONSE_CACHE_ENTRIES', env.RESPONSE_CACHE_ENTRIES, 1000),
    responseCacheMaxBytes: int('RESPONSE_CACHE_MAX_BYTES', env.RESPONSE_CACHE_MAX_BYTES, defaultResponseCacheBytes()),
    responseCacheMaxEntryBytes: int('RESPONSE_CACHE_MAX_ENTRY_BYTES', env.RESPONSE_CACHE_MAX_ENTRY_BYTES, 1024 * 1024),
    purge: purgeConfig(env),
    idempotencyMaxAnswerBytes: int('IDEMPOTENCY_MAX_ANSWER_BYTES', env.IDEMPOTENCY_MAX_ANSWER_BYTES, 64 * 1024),
    idempotencyKeysPerClientPerHour: int(
      'IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR',
      env.IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR,
      600,
    ),
    previewUrlTemplate: previewUrlTemplate(env.PREVIEW_URL_TEMPLATE),
    previewLinksPerPost: atLeastOne('PREVIEW_LINKS_PER_POST', env.PREVIEW_LINKS_PER_POST, 20),
    media: loadMediaConfig(env, dataDir),
    webhooks: loadWebhookSettings(env, production),
    tracing: loadTracingSettings(env),
  };
}
