import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../src/db/embedded-postgres';
import { committedWalPosition, parseWalPosition } from '../src/db/wal-position';

const run = promisify(execFile);

/**
 * A PostgreSQL primary with one streaming replica, each a server of the machine's own
 * PostgreSQL binaries (Debian's, `pg_config --bindir`), in a temporary folder: for the read
 * replica tests and `npm run bench -- --replica`. The embedded PostgreSQL has no pg_basebackup,
 * so it cannot make a replica.
 */
export interface StreamingCluster {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` of the primary. */
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** The primary's and the replica's server version, e.g. `15.14`. */
  version: string;
  /** Runs SQL as the superuser on the primary or the replica (in database `postgres` unless given). */
  query(server: 'primary' | 'replica', sql: string, database?: string): Promise<Array<Record<string, unknown>>>;
  /** Resolves once the replica has replayed every transaction committed on the primary so far. */
  caughtUp(): Promise<void>;
  /** The postmasters' process ids (for their CPU), as their postmaster.pid files say now. */
  postmasterPids(): { primary: number; replica: number };
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and removes the folder. */
  close(): Promise<void>;
}

interface Binaries {
  bin: string;
  /** The command prefix that runs a binary as the `postgres` system user (empty when we are not root). */
  asPostgres: string[];
  uid?: number;
  gid?: number;
}

/** The binaries and a way to run them as a user other than root, or why there is none. */
function findBinaries(): Binaries | string {
  let bin: string;
  try {
    bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return 'no pg_config on PATH (Debian: postgresql)';
  }
  for (const tool of ['initdb', 'pg_ctl', 'postgres', 'pg_basebackup']) {
    if (!fs.existsSync(path.join(bin, tool))) return `no ${tool} in ${bin} (Debian: postgresql)`;
  }
  if (process.getuid?.() !== 0) return { bin, asPostgres: [] };
  // PostgreSQL refuses to run as root: run it as the postgres system user.
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return { bin, asPostgres: ['runuser', '-u', 'postgres', '--'], uid, gid };
  } catch {
    return 'running as root without a postgres system user or runuser to run PostgreSQL as';
  }
}

/** Why a streaming cluster cannot be started on this machine, or undefined when it can. */
export function streamingClusterUnavailable(): string | undefined {
  const found = findBinaries();
  return typeof found === 'string' ? found : undefined;
}

/**
 * initdb a primary (wal_level replica, replication allowed from 127.0.0.1: initdb's trust
 * defaults), start it on a free port, pg_basebackup -R a replica from it, start that. `settings`
 * go into both servers' postgresql.conf (the replica's is the primary's copy).
 */
export async function startStreamingCluster(
  settings: Record<string, string> = {},
  log: (line: string) => void = () => undefined,
): Promise<StreamingCluster> {
  const found = findBinaries();
  if (typeof found === 'string') throw new Error(found);
  const { bin, asPostgres } = found;
  const tool = (name: string, args: string[]) =>
    run(asPostgres[0] ?? path.join(bin, name), [
      ...asPostgres.slice(1),
      ...(asPostgres[0] ? [path.join(bin, name)] : []),
      ...args,
    ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-replica-'));
  if (found.uid !== undefined) fs.chownSync(dir, found.uid, found.gid!);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const pgCtl = (data: string, ...args: string[]) => tool('pg_ctl', ['-D', data, ...args]);
  const start = (data: string, port: number) =>
    pgCtl(data, '-o', `-p ${port}`, '-l', path.join(dir, `${path.basename(data)}.log`), '-w', 'start');
  let started: string[] = [];
  const close = async () => {
    for (const data of started.reverse()) await pgCtl(data, '-m', 'immediate', '-w', 'stop').catch(() => undefined);
    started = [];
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const conf = {
      wal_level: 'replica',
      max_wal_senders: '5',
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${dir}'`,
      ...settings,
    };
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      `\n${Object.entries(conf)
        .map(([key, value]) => `${key} = ${value}`)
        .join('\n')}\n`,
    );
    await start(primaryDir, primaryPort);
    started.push(primaryDir);
    const backup = ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir];
    await tool('pg_basebackup', [...backup, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    await start(replicaDir, replicaPort);
    started.push(replicaDir);
    log(`primary on 127.0.0.1:${primaryPort}, its streaming replica on 127.0.0.1:${replicaPort}, in ${dir}`);
  } catch (error) {
    const logs = ['primary.log', 'replica.log']
      .map((file) => path.join(dir, file))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    await close();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  }

  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async (server: 'primary' | 'replica', sql: string, database = 'postgres') => {
    const client = new Client({ connectionString: url(server === 'primary' ? primaryPort : replicaPort, database) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
  const [{ version }] = (await query('primary', `SELECT current_setting('server_version') AS version`)) as Array<{
    version: string;
  }>;
  return {
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    version,
    query,
    async caughtUp() {
      const position = await committedWalPosition({ query: (sql) => query('primary', sql) });
      for (;;) {
        const [{ replayed }] = await query('replica', 'SELECT pg_last_wal_replay_lsn()::text AS replayed');
        if (parseWalPosition(String(replayed)) >= position) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    postmasterPids: () => {
      const pid = (data: string) => Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return { primary: pid(primaryDir), replica: pid(replicaDir) };
    },
    stopReplica: async () => void (await pgCtl(replicaDir, '-m', 'fast', '-w', 'stop')),
    startReplica: async () => void (await start(replicaDir, replicaPort)),
    close,
  };
}
