import compression from 'compression';
import express, { RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';
import { Capability } from '../capability/capability';
import { corsPolicy } from '../capability/cors';
import { Config } from '../config';
import { documentNestingGuard } from '../limits/document-shape';
import { Logger } from '../logger';
import { httpErrorHandlers } from './http-errors';

/** Express with what every route shares: no fingerprinting header, TRUST_PROXY. */
export function createHttpApp(config: Pick<Config, 'trustProxy'>): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are not revalidated by ETag; hashing every body costs CPU for nothing.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  return app;
}

/** The client's address of a raw request (a WebSocket upgrade), honouring TRUST_PROXY as Express does. */
export function clientIpOf(app: express.Express) {
  return (request: Parameters<typeof proxyAddr>[0]) =>
    proxyAddr(request, app.get('trust proxy fn') as (addr: string, i: number) => boolean);
}

/**
 * Mounts the capabilities, in list order, then `/graphql`: their before-body middleware, CORS,
 * compression (gzip or brotli, as the client accepts, over 1 KB), the JSON body (1 MB), the
 * nesting guard, their after-body middleware, and Apollo; then the error handlers.
 */
export function mountCapabilities(
  app: express.Express,
  capabilities: Capability[],
  graphql: RequestHandler,
  deps: { corsOrigin: string; logger: Logger },
): void {
  for (const capability of capabilities) capability.mount?.(app);
  app.use(
    '/graphql',
    ...capabilities.flatMap((capability) => capability.graphql?.beforeBody ?? []),
    corsPolicy(deps.corsOrigin),
    compression({ threshold: 1024 }),
    express.json({ limit: '1mb' }),
    documentNestingGuard,
    ...capabilities.flatMap((capability) => capability.graphql?.afterBody ?? []),
    graphql,
  );
  app.use(...httpErrorHandlers(deps.logger));
}
