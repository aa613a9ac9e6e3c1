import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express, { ErrorRequestHandler } from 'express';
import type { Pool } from 'pg';
import proxyAddr from 'proxy-addr';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createSessionAuthenticator } from '../auth/session-authenticator';
import { TokenService } from '../auth/tokens';
import { Config } from '../config';
import { Context } from '../context';
import { preparedReads } from '../db/prepared-reads';
import { MemoryAnswerStore } from '../delivery/answer-store';
import { cachePolicyPlugin } from '../delivery/cache-policy.plugin';
import { feedRoutes } from '../delivery/feed-routes';
import { PublicCacheControl } from '../delivery/public-cache-control';
import { ResponseCache } from '../delivery/response-cache';
import { ScheduleHorizon } from '../delivery/schedule-horizon';
import {
  BadRequestError,
  BadUserInputError,
  PayloadTooLargeError,
  errorResponseBody,
  httpStatusOf,
} from '../errors/api-errors';
import { ErrorCode } from '../errors/error-code';
import { formatError } from '../errors/format-error';
import { watchCommittedChanges } from '../events/committed-changes';
import { idempotencyKeys } from '../idempotency/idempotency-keys.middleware';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { MAX_DOCUMENT_TOKENS, documentNestingGuard } from '../limits/document-shape';
import { DEFAULT_LIMITS, OperationLimits, operationLimitsPlugin } from '../limits/operation-limits';
import { RateLimiter, memoryRateLimiter, redisRateLimiter } from '../limits/rate-limiter';
import { textInputPlugin } from '../limits/text-input';
import { EventBus, LocalEventBus } from '../live/event-bus';
import { RedisEventBus } from '../live/redis-event-bus';
import { Logger } from '../logger';
import { healthRoutes } from '../observability/health';
import { createMetrics, metricsEndpoint } from '../observability/metrics';
import { factsOf } from '../observability/request-facts';
import { requestFactsPlugin } from '../observability/request-facts.plugin';
import { requestId } from '../observability/request-id';
import { requestLog } from '../observability/request-log';
import { createUnexpectedErrorLog } from '../observability/unexpected-error-log';
import { RedisAnswerStore } from '../redis/redis-answer-store';
import { RedisClients, connectRedis } from '../redis/redis-clients';
import { RedisKeyValueCache } from '../redis/redis-key-value-cache';
import { Services, createServices } from '../services';
import { buildApiSchema } from './build-schema';
import { createContextBuilder, createContextFactory } from './context-factory';
import { eventStream } from './event-stream';
import { httpOperationsPlugin } from './http-operations.plugin';
import { LiveCapacity } from './live-capacity';
import { liveOperations } from './live-operations';
import { serveSubscriptions } from './subscription-server';

export interface ServerDeps {
  config: Config;
  db: DataSource;
  jwtSecret: string;
  logger: Logger;
  limits?: OperationLimits;
}

export interface BroadsheetServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  services: Services;
  /** Where the dispatcher hands live events; every instance's subscribers hear them. */
  bus: EventBus;
  /** The context factory the server uses, for `executeOperation` with production settings. */
  createContext: ReturnType<typeof createContextFactory>;
  listen(port: number, host: string): Promise<number>;
  /** Fails /readyz from now on, still serving: load balancers see it and send traffic elsewhere. */
  beginDraining(): void;
  /** Fails /readyz, stops accepting, lets in-flight requests finish, then resolves. The pool stays for the caller. */
  stop(): Promise<void>;
}

/** Refuses oversized and malformed bodies with a JSON error instead of Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const { type, status } = error as { type?: string; status?: number };
  const answer =
    type === 'entity.too.large'
      ? new PayloadTooLargeError('1 MB')
      : type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported'
        ? new BadUserInputError('The request body is not valid JSON.')
        : status !== undefined && status >= 400 && status < 500
          ? // The body could not be read (bad gzip, wrong length, aborted): the client's to fix.
            new BadRequestError('The request body could not be read.')
          : undefined;
  if (answer) res.status(httpStatusOf(answer)).json(errorResponseBody(answer));
  else next(error);
};

/**
 * The one server factory: Express with body limit, CORS and health check, Apollo with every
 * limit and plugin. Tests build their server here too, so they run with production settings.
 */
export async function createServer(deps: ServerDeps): Promise<BroadsheetServer> {
  const { config, db, logger } = deps;
  const tokens = new TokenService(deps.jwtSecret, config.jwtExpiresIn);
  // With REDIS_URL, what several instances must agree on lives in Redis; without, in this process.
  const redis: RedisClients | undefined = config.redisUrl
    ? connectRedis(config.redisUrl, config.redisKeyPrefix, logger)
    : undefined;
  const rateLimiter = (name: string, points: number, windowSeconds: number): RateLimiter =>
    redis ? redisRateLimiter(redis, name, points, windowSeconds) : memoryRateLimiter(points, windowSeconds);
  const services = createServices({
    db: db.manager,
    tokens,
    commentLimiter: rateLimiter('comments', config.commentsPerMinute, 60),
    loginLimiters: {
      perAccountAndIp: rateLimiter('login-account', config.loginMaxFailuresPerAccount, config.loginWindowSeconds),
      perIp: rateLimiter('login-ip', config.loginMaxFailuresPerIp, config.loginWindowSeconds),
    },
  });
  const bus: EventBus = redis ? new RedisEventBus(redis) : new LocalEventBus();

  const logUnexpected = createUnexpectedErrorLog(logger);
  const reads = preparedReads(db);
  const sessions = createSessionAuthenticator({ db: reads, tokens, logUnexpected });
  const contextDeps = { db: reads, services, sessions, postUrlTemplate: config.postUrlTemplate };
  const createContext = createContextFactory(contextDeps);

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are not revalidated by ETag; hashing every body costs CPU for nothing.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const metrics = createMetrics((db.driver as PostgresDriver).master as Pool);
  let stopping = false;
  const idempotency = new IdempotencyStore(db);
  const pruneKeys = setInterval(
    () => idempotency.prune().catch((error) => logger.error('could not prune idempotency keys', error)),
    60 * 60 * 1000,
  );
  pruneKeys.unref();

  const horizon = new ScheduleHorizon(reads);
  const publicCacheControl = new PublicCacheControl(
    { maxAge: config.cacheMaxAge, staleWhileRevalidate: config.cacheStaleWhileRevalidate },
    horizon,
  );
  const responseCache = new ResponseCache(
    redis ? new RedisAnswerStore(redis) : new MemoryAnswerStore(config.responseCacheEntries),
    horizon,
    publicCacheControl,
    config.responseCacheEntries > 0 && config.cacheMaxAge > 0,
    (error) => logger.warn('response cache unavailable; answering afresh', { cause: String(error) }),
  );
  // A change made here drops what it replaced before the write answers; one made elsewhere when
  // its event comes round (src/live/cache-keys.consumer.ts).
  watchCommittedChanges(db, (keys) => responseCache.forget(keys));
  bus.listen((event) => {
    if (event.kind === 'keys.changed') void responseCache.changedElsewhere(event.keys);
  });
  const schema = await buildApiSchema();
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" would name the fields that closed introspection hides.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // main.ts owns SIGINT/SIGTERM: it drains Apollo, then closes the pool and the embedded database.
    stopOnTerminationSignals: false,
    // Apollo's CSRF prevention refuses GET queries without a custom header, which the default
    // settings of urql, graphql-request and plain fetch do not send. It guards ambient
    // credentials (cookies); sign-in here is a bearer token a cross-site page cannot attach,
    // mutations over GET stay refused, and bodies that are not JSON are never read as GraphQL.
    csrfPrevention: false,
    // Shared by every instance with Redis: a hash registered through one is known to all.
    // A day, so a hash stays known between visits; every key in Redis expires (see README).
    persistedQueries: redis ? { cache: new RedisKeyValueCache(redis, 'apq:'), ttl: 24 * 60 * 60 } : undefined,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      // Its per-field hook wraps every resolver; nothing reads cache hints yet.
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin(limits),
      cachePolicyPlugin(publicCacheControl, responseCache),
      textInputPlugin(),
      httpOperationsPlugin(),
      requestFactsPlugin(logUnexpected),
    ],
  });
  await apollo.start();
  const contextFor = createContextBuilder(contextDeps);
  const live = liveOperations({
    schema,
    bus,
    sessions,
    contextFor,
    limits,
    introspection: config.introspection,
    logUnexpected,
  });
  const capacity = new LiveCapacity(config.subscriptionsPerClientIp);
  const subscriptions = serveSubscriptions({
    httpServer,
    live,
    sessions,
    capacity,
    subscriptionsPerConnection: config.subscriptionsPerConnection,
    keepAliveMs: config.websocketKeepAliveSeconds * 1000,
    clientIpOf: (request) => proxyAddr(request, app.get('trust proxy fn') as (addr: string, i: number) => boolean),
  });
  const streams = eventStream({ live, sessions, capacity });
  metrics.observeLive(() => {
    const sockets = subscriptions.counts();
    return { connections: sockets.connections, subscriptions: sockets.subscriptions + streams.open() };
  });

  app.use(requestId, requestLog(logger));
  app.use(healthRoutes(db, () => stopping));
  app.use(
    feedRoutes({
      // Per route, not for the whole app: an event stream must not be held back by compression.
      before: [cors({ origin: config.corsOrigin }), compression({ threshold: 1024 })],
      readersFor: (res) => {
        const facts = factsOf(res);
        const { readers } = contextFor(null, facts, 'feed');
        return { readers, cacheKeys: facts.cacheKeys! };
      },
      publicBaseUrl: config.publicBaseUrl,
      postUrlTemplate: config.postUrlTemplate,
      siteTitle: config.siteTitle,
      siteLanguage: config.siteLanguage,
      publicCacheControl,
    }),
  );
  app.get('/metrics', metricsEndpoint(metrics, config.metricsToken));
  // Before /graphql, which would take it as a sub-path.
  app.use('/graphql/stream', cors({ origin: config.corsOrigin }), ...streams.routes);
  app.use(
    '/graphql',
    metrics.record,
    cors({ origin: config.corsOrigin }),
    // gzip or brotli, as the client accepts, for answers over 1 KB.
    compression({ threshold: 1024 }),
    // Until the cache policy (src/delivery/cache-policy.plugin.ts) says otherwise, e.g. for
    // answers refused before GraphQL runs, nothing here may be stored.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('cache-control', 'private, no-store');
      next();
    },
    express.json({ limit: '1mb' }),
    documentNestingGuard,
    responseCache.middleware,
    idempotencyKeys(idempotency, tokens, (error) => logger.error('could not keep an idempotent answer', error)),
    expressMiddleware(apollo, { context: createContext }),
  );
  app.use(bodyErrors);
  // Anything else that fails outside Apollo: JSON like every other answer, never Express's page.
  app.use(((error, req, res, _next) => {
    logger.error('unexpected error outside GraphQL', error, { requestId: res.locals.facts?.requestId, url: req.url });
    res.status(500).json({
      errors: [
        {
          message: 'Something went wrong on our side. It has been logged.',
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: res.locals.facts?.requestId },
        },
      ],
    });
  }) as ErrorRequestHandler);

  return {
    app,
    httpServer,
    apollo,
    services,
    bus,
    createContext,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    beginDraining: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      clearInterval(pruneKeys);
      // Open sockets would hold the HTTP server open; clients reconnect to another instance.
      await subscriptions.close();
      streams.close();
      await apollo.stop();
      await bus.close();
      await redis?.close();
    },
  };
}
