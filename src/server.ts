import http from 'node:http';
import express, { ErrorRequestHandler } from 'express';
import cors from 'cors';
import { DataSource } from 'typeorm';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Config } from './config';
import { Context, Services, createContextFactory } from './context';
import { Logger } from './logger';
import { buildApiSchema } from './schema/build-schema';
import { createFormatError } from './errors/format-error';
import { ErrorCode } from './errors/error-code';
import { DEFAULT_LIMITS, OperationLimits, operationLimitsPlugin } from './limits/operation-limits';
import { MemoryRateLimiter } from './limits/rate-limiter';
import { TokenService } from './auth/tokens';
import { AuthorService } from './services/author.service';
import { LoginService } from './services/login.service';
import { PostService } from './services/post.service';
import { CommentService } from './services/comment.service';
import { RelatedLinkService } from './services/related-link.service';

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
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish, then resolves. The pool stays for the caller. */
  stop(): Promise<void>;
}

/** Refuses oversized and malformed bodies with a JSON error instead of Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is over 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  } else if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  } else {
    next(error);
  }
};

/**
 * The one server factory: Express with body limit, CORS and health check, Apollo with every
 * limit and plugin. Tests build their server here too, so they run with production settings.
 */
export async function createServer(deps: ServerDeps): Promise<BroadsheetServer> {
  const { config, db, logger } = deps;
  const tokens = new TokenService(deps.jwtSecret, config.jwtExpiresIn);
  const services: Services = {
    tokens,
    authors: new AuthorService(db),
    posts: new PostService(db),
    comments: new CommentService(db, new MemoryRateLimiter(config.commentsPerMinute, 60)),
    relatedLinks: new RelatedLinkService(db),
    login: new LoginService(db, tokens, {
      perAccountAndIp: new MemoryRateLimiter(config.loginMaxFailuresPerAccount, config.loginWindowSeconds),
      perIp: new MemoryRateLimiter(config.loginMaxFailuresPerIp, config.loginWindowSeconds),
    }),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: it drains Apollo, then closes the pool and the embedded database.
    stopOnTerminationSignals: false,
    formatError: createFormatError((error) => logger.error('unexpected error', error)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      operationLimitsPlugin(deps.limits ?? DEFAULT_LIMITS),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    cors({ origin: config.corsOrigin }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: createContextFactory({ db, services, postUrlTemplate: config.postUrlTemplate }) }),
  );
  app.use(bodyErrors);

  return {
    app,
    httpServer,
    apollo,
    services,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    stop: () => apollo.stop(),
  };
}
