import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded-postgres';

/** The benchmark's database: a fresh one, migrated, and how to observe and remove it. */
export interface BenchDatabase {
  url: string;
  /** `embedded PostgreSQL 18.x` or `DATABASE_URL server (PostgreSQL 15.x)`. */
  description: string;
  /** Whether pg_stat_statements counts this database's statements. */
  statementsCounted: boolean;
  /** The postmaster's PID when the server runs on this machine and /proc shows it. */
  postmasterPid: number | undefined;
  /** A connection for the bench's own bookkeeping (statement counts, EXPLAIN). */
  admin: Client;
  drop(): Promise<void>;
}

/** What the bench needs of PostgreSQL: statement counts, planning time included. */
const EMBEDDED_SETTINGS = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'top',
  'pg_stat_statements.track_planning': 'on',
  max_connections: '200',
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'broadsheet-bench' });
  await client.connect();
  return client;
}

/** The parent of a backend process is the postmaster, when the server runs here. */
async function postmasterOf(client: Client): Promise<number | undefined> {
  const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  try {
    const stat = await fs.readFile(`/proc/${backend}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined; // another machine, or another PID namespace
  }
}

/** Creates pg_stat_statements in the bench database, or says it is not available on this server. */
async function enableStatementCounting(client: Client): Promise<boolean> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    return true;
  } catch {
    return false; // not in shared_preload_libraries, or not installed
  }
}

/**
 * The embedded PostgreSQL in a temporary folder (with pg_stat_statements), or, with
 * DATABASE_URL, a new database `bench_<random>` on that server; migrated with Broadsheet's
 * migrations. `drop()` removes the database (and the embedded server and its folder). The
 * embedded server skips fsync unless `durable` (a bench of writes wants the commits' real cost).
 */
export async function openBenchDatabase(
  log: (line: string) => void,
  { durable = false }: { durable?: boolean } = {},
): Promise<BenchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  let name: string;
  if (serverUrl) {
    name = `bench_${crypto.randomBytes(4).toString('hex')}`;
    const client = await connect(serverUrl);
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-'));
    // The server runs as the `postgres` system user when we are root: it must reach the folder.
    await fs.chmod(dataDir, 0o755);
    name = 'bench';
    embedded = await startEmbeddedPostgres({
      dataDir,
      database: name,
      // A throwaway copy: no fsync makes the load faster and changes no read path.
      unsafeFast: !durable,
      extraSettings: EMBEDDED_SETTINGS,
      log,
    });
    serverUrl = embedded.url;
  }
  const url = withDatabase(serverUrl, name);

  const cleanUp = async () => {
    if (embedded) {
      await embedded.stop();
      await fs.rm(dataDir!, { recursive: true, force: true });
    } else {
      const client = await connect(serverUrl!);
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
  };

  try {
    const db = createDataSource({ url, poolSize: 1 });
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
    } finally {
      await db.destroy();
    }
    const admin = await connect(url);
    const version = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
    const statementsCounted = await enableStatementCounting(admin);
    const postmasterPid = await postmasterOf(admin);
    return {
      url,
      description:
        (embedded
          ? `embedded PostgreSQL ${version} (${durable ? 'default settings' : 'fsync off, otherwise default settings'})`
          : `PostgreSQL ${version} of DATABASE_URL, database ${name}`) +
        (statementsCounted ? '' : '; pg_stat_statements not loaded there: no statement counts') +
        (postmasterPid ? '' : '; server not on this machine: no PostgreSQL CPU'),
      statementsCounted,
      postmasterPid,
      admin,
      drop: async () => {
        await admin.end();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** One statement of pg_stat_statements: its text (first 120 characters, one line) and figures. */
interface StatementRow {
  queryId: string;
  text: string;
  calls: number;
  /** Planning time, ms (0 when pg_stat_statements.track_planning is off). */
  planMs: number;
  /** Execution time, ms. */
  execMs: number;
}

/** Statements (and their time) the servers sent since `resetStatements`, less the bench's own. */
export interface StatementStats {
  calls: number;
  planMs: number;
  execMs: number;
  rows: StatementRow[];
}

export async function resetStatements(db: BenchDatabase): Promise<void> {
  if (db.statementsCounted) await db.admin.query('SELECT pg_stat_statements_reset()');
}

/**
 * pg_stat_statements of the bench database since the last reset, less the bench's own
 * bookkeeping (which mentions pg_stat_statements or runs EXPLAIN). Undefined when not counted.
 * With `queryIds`, only those statements.
 */
export async function readStatements(db: BenchDatabase, queryIds?: string[]): Promise<StatementStats | undefined> {
  if (!db.statementsCounted) return undefined;
  const { rows } = await db.admin.query<{ queryId: string; text: string; calls: string; plan: number; exec: number }>(
    `SELECT queryid::text AS "queryId", left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS text,
            calls::text AS calls, total_plan_time AS plan, total_exec_time AS exec
     FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE 'EXPLAIN%'
     ORDER BY calls DESC, total_exec_time DESC`,
  );
  const wanted = (queryIds ? rows.filter((row) => queryIds.includes(row.queryId)) : rows).map((row) => ({
    queryId: row.queryId,
    text: row.text,
    calls: Number(row.calls),
    planMs: row.plan,
    execMs: row.exec,
  }));
  const sum = (value: (row: StatementRow) => number) => wanted.reduce((total, row) => total + value(row), 0);
  return {
    calls: sum((row) => row.calls),
    planMs: sum((row) => row.planMs),
    execMs: sum((row) => row.execMs),
    rows: wanted,
  };
}
