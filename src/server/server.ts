import http from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import { createSessionAuthenticator } from '../auth/session-authenticator';
import { TokenService } from '../auth/tokens';
import { Capability } from '../capability/capability';
import { startJobs, JobScheduler } from '../capability/job-scheduler';
import { createContextBuilder, createContextFactory } from '../context/context-factory';
import { preparedReads } from '../db/prepared-reads';
import { eventProcessing } from '../event-processing';
import { feeds } from '../feeds';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { ScheduleHorizon } from '../http-cache/schedule-horizon';
import { offlineIde } from '../ide';
import { idempotency } from '../idempotency';
import { DEFAULT_LIMITS } from '../limits/operation-limits';
import { liveUpdates } from '../live';
import { mediaLibrary } from '../media';
import { observability } from '../observability';
import { createUnexpectedErrorLog } from '../observability/unexpected-error-log';
import { previews } from '../previews';
import { cachePurges } from '../purge';
import { readReplicas } from '../read-replicas';
import { responseCache } from '../response-cache';
import { webhooks } from '../webhooks';
import { createApollo } from './apollo';
import { BroadsheetServer, ServerDeps } from './broadsheet-server';
import { buildApiSchemas } from './build-schema';
import { clientIpOf, createHttpApp, mountCapabilities } from './http-app';
import { connectSharedState } from './shared-state';
import { wireDomain } from './wire-domain';

/**
 * The one server factory, a composition of capabilities (each folder's index.ts says what it
 * adds). Tests build their server here too, so they run with production settings.
 */
export async function createServer(deps: ServerDeps): Promise<BroadsheetServer> {
  const { config, db, logger } = deps;
  const tokens = new TokenService(deps.jwtSecret, config.jwtExpiresIn);
  const shared = connectSharedState(config, logger);
  const { services, sitePaths, mediaFiles } = wireDomain({ config, db, tokens, shared });
  const logUnexpected = createUnexpectedErrorLog(logger);
  const reads = preparedReads(db);
  const replicas = readReplicas({ db, primary: reads, config, logger, jwtSecret: deps.jwtSecret });
  const sessions = createSessionAuthenticator({ db: reads, tokens, logUnexpected });
  const { postUrlTemplate } = config;
  const contextDeps = { services, sessions, postUrlTemplate, sitePaths, mediaUrl: mediaFiles.urlOf };
  const contextFor = createContextBuilder({ db: replicas.routing, ...contextDeps });
  const app = createHttpApp(config);
  const httpServer = http.createServer(app);
  const { schema, jitSchema } = await buildApiSchemas(config.graphqlExecution);
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const horizon = new ScheduleHorizon(reads);
  const publicCacheControl = PublicCacheControl.of(config, horizon);
  let stopping = false;
  const { bus, redis, persistedQueries } = shared;
  const liveDeps = { httpServer, schema, bus, sessions, contextFor, limits, config, logUnexpected };
  const live = liveUpdates({ ...liveDeps, clientIpOf: clientIpOf(app) });
  const answers = responseCache({ db, redis, bus, horizon, publicCacheControl, config, logger, replicas });
  const observed = {
    liveStats: live.stats,
    responseCacheSize: answers.size,
    tracing: deps.tracing,
    replicas: replicas.report,
  };
  const capabilities: Capability[] = [
    observability({ db, logger, logUnexpected, config, isStopping: () => stopping, ...observed }),
    replicas,
    live,
    answers,
    feeds({ contextFor, publicCacheControl, config }),
    cachePurges(config.purge, logger),
    idempotency({ db, tokens, logger, config }),
    previews({ previewLinks: services.previewLinks }),
    mediaLibrary({ files: mediaFiles, services, sessions, contextFor, config }),
    ...(config.graphqlIde === 'offline' ? [offlineIde()] : []),
    // Last: its consumer writes rows only, after live updates and purges have had each event.
    webhooks({ db, config, logger }),
  ];
  const consumers = capabilities.flatMap((c) => c.consumers ?? []);
  capabilities.push(eventProcessing({ db, config, logger, consumers, replicas }));

  const plugins = capabilities.flatMap((capability) => capability.plugins ?? []);
  const apollo = createApollo({ schema, jitSchema, httpServer, config, limits, persistedQueries, plugins });
  await apollo.start();
  const createContext = createContextFactory(contextFor, sessions);
  const graphql = expressMiddleware(apollo, { context: createContext });
  mountCapabilities(app, capabilities, graphql, { corsOrigin: config.corsOrigin, logger });

  let jobs: JobScheduler | undefined;
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
    startJobs: () =>
      void (jobs ??= startJobs(
        capabilities.flatMap((c) => c.jobs ?? []),
        logger,
      )),
    beginDraining: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      await jobs?.stop();
      for (const capability of capabilities) await capability.stop?.();
      await apollo.stop();
      await shared.close();
    },
  };
}
