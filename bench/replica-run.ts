import os from 'node:os';
import { createDataSource } from '../src/db/data-source';
import { BENCH_ADMIN_ENV, signInBenchAdmin } from './bench-admin';
import { loadDataSet } from './data-set';
import { LoadResult, runLoad } from './load';
import { postgresCpuMs, processCpuMs } from './process-stats';
import { feedRequestBody } from './queries';
import { ServerProcess, startBroadsheet, startHandWritten } from './servers';
import { StreamingCluster, startStreamingCluster, streamingClusterUnavailable } from './streaming-replica';

/** The bench's admin: signs in for the signed-in half of the mixed runs and for the writes. */

interface ReplicaBenchOptions {
  posts: number;
  seconds: number;
  warmup: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql(url: string, query: string, variables: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: unknown };
  if (!body.data) throw new Error(`${url} answered ${JSON.stringify(body).slice(0, 300)}`);
  return { data: body.data, headers: response.headers };
}

/** One measured run: the load, and the CPU each process spent per request meanwhile. */
interface ReplicaRun {
  name: string;
  connections: string;
  loads: LoadResult[];
  cpuMs: number;
  primaryPgMs: number;
  replicaPgMs: number;
}

/**
 * `npm run bench -- --replica`: the simple feed of 20 posts with one streaming replica
 * (bench/streaming-replica.ts: the machine's PostgreSQL, primary and replica on this machine).
 * Broadsheet with its reads on the primary alone, then with DATABASE_REPLICA_URLS, each under 20
 * anonymous connections and under 10 anonymous plus 10 signed-in ones (with the replica, the
 * anonymous reads go to it and the signed-in ones to the primary: the reads are spread over
 * both); the hand-written endpoint on the primary for scale; and the read-your-write check.
 */
export async function replicaBench(
  options: ReplicaBenchOptions,
  log: (line: string) => void,
  cleanups: Array<() => Promise<void>>,
): Promise<string[]> {
  const unavailable = streamingClusterUnavailable();
  if (unavailable) return [`--replica: cannot start a replica on this machine: ${unavailable}`];
  const cluster: StreamingCluster = await startStreamingCluster({ fsync: 'off', max_connections: '200' }, log);
  cleanups.push(() => cluster.close());
  await cluster.query('primary', 'CREATE DATABASE bench');
  const primaryUrl = cluster.primaryUrl('bench');
  const migrator = createDataSource({ url: primaryUrl, poolSize: 1 });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  log(`PostgreSQL ${cluster.version}; loading ${options.posts} posts on the primary`);
  const counts = await loadDataSet(primaryUrl, options.posts);
  await cluster.caughtUp();
  log('the replica has replayed the data set');

  const admin = BENCH_ADMIN_ENV;
  const primaryOnly = await startBroadsheet(primaryUrl, 'Broadsheet', admin);
  cleanups.push(() => primaryOnly.stop());
  const withReplica = await startBroadsheet(primaryUrl, 'Broadsheet', {
    ...admin,
    DATABASE_REPLICA_URLS: cluster.replicaUrl('bench'),
  });
  cleanups.push(() => withReplica.stop());
  const handWritten = await startHandWritten(primaryUrl);
  cleanups.push(() => handWritten.stop());
  const readyz = withReplica.url.replace(/\/graphql$/, '/readyz');
  for (let i = 0; ; i += 1) {
    const ready = (await (await fetch(readyz)).json()) as { replicas?: Array<{ state: string }> };
    if (ready.replicas?.[0]?.state === 'in use') break;
    if (i > 200) throw new Error(`the replica is not in use: ${JSON.stringify(ready)}`);
    await sleep(50);
  }

  const body = feedRequestBody('SimpleFeed', 20);
  const answers = await Promise.all(
    [primaryOnly, withReplica, handWritten].map(async (server) =>
      (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text(),
    ),
  );
  const parity = answers.every((answer) => answer === answers[0]) ? 'equal byte for byte' : 'DIFFERENT';
  log(`SimpleFeed(20) answers of the three: ${parity}`);

  const pids = cluster.postmasterPids();
  const everyProcess = [primaryOnly.pid, withReplica.pid, handWritten.pid];
  const cpu = async () => ({
    servers: await Promise.all(everyProcess.map((pid) => processCpuMs(pid))),
    primary: await postgresCpuMs(pids.primary),
    replica: await postgresCpuMs(pids.replica),
  });
  const settle = async () => {
    const total = async () => {
      const now = await cpu();
      return now.servers.reduce((a, b) => a + b, 0) + now.primary + now.replica;
    };
    let before = await total();
    for (let i = 0; i < 120; i += 1) {
      await sleep(250);
      const after = await total();
      if (after - before < 12.5) return;
      before = after;
    }
  };
  const measure = async (
    name: string,
    server: ServerProcess,
    mix: Array<{ connections: number; headers?: Record<string, string> }>,
  ): Promise<ReplicaRun> => {
    const load = (seconds: number) =>
      Promise.all(mix.map((part) => runLoad({ url: server.url, body, seconds, ...part })));
    await settle();
    await load(options.warmup);
    await settle();
    const before = await cpu();
    const loads = await load(options.seconds);
    await settle();
    const after = await cpu();
    const sent = Math.max(
      1,
      loads.reduce((sum, run) => sum + run.sent, 0),
    );
    const at = everyProcess.indexOf(server.pid);
    const run: ReplicaRun = {
      name,
      connections: mix.map((part) => `${part.connections}${part.headers ? ' signed-in' : ''}`).join(' + '),
      loads,
      cpuMs: (after.servers[at] - before.servers[at]) / sent,
      primaryPgMs: (after.primary - before.primary) / sent,
      replicaPgMs: (after.replica - before.replica) / sent,
    };
    const perSecond = loads.reduce((sum, part) => sum + part.perSecond, 0);
    log(`${name} x${run.connections}: ${perSecond.toFixed(0)} req/s, CPU ${run.cpuMs.toFixed(3)} ms/req`);
    return run;
  };

  const anonymous = [{ connections: 20 }];
  const mixed = (token: string) => [
    { connections: 10 },
    { connections: 10, headers: { authorization: `Bearer ${token}` } },
  ];
  const runs = [
    await measure('Broadsheet, primary only', primaryOnly, anonymous),
    await measure('Broadsheet, with the replica', withReplica, anonymous),
    await measure('Broadsheet, primary only', primaryOnly, mixed(await signInBenchAdmin(primaryOnly.url))),
    await measure('Broadsheet, with the replica', withReplica, mixed(await signInBenchAdmin(withReplica.url))),
    await measure('hand-written (primary)', handWritten, anonymous),
  ];

  const check = await readYourWrites(withReplica, await signInBenchAdmin(withReplica.url));
  const cores = os.cpus();
  const fixed = (value: number, digits = 3) => value.toFixed(digits).padStart(10);
  return [
    `Read replicas (--replica): ${counts.posts} posts (${counts.livePosts} live); PostgreSQL ${cluster.version}, ` +
      `a primary and one streaming replica on this machine (${cores.length} cores, fsync off); ` +
      `${options.seconds} s per run after ${options.warmup} s warm-up; SimpleFeed(20) answers ${parity}`,
    '',
    `${'run'.padEnd(30)} ${'connections'.padEnd(16)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'CPU ms/req'.padStart(10)} ${'primary PG'.padStart(10)} ${'replica PG'.padStart(10)}  failed`,
    ...runs.map((run) => {
      const perSecond = run.loads.reduce((sum, part) => sum + part.perSecond, 0);
      const p50 = run.loads.map((part) => part.p50.toFixed(1)).join('/');
      const failed = run.loads.reduce((sum, part) => sum + part.failures, 0);
      return `${run.name.padEnd(30)} ${run.connections.padEnd(16)} ${perSecond.toFixed(0).padStart(7)} ${p50.padStart(8)} ${fixed(run.cpuMs)} ${fixed(run.primaryPgMs)} ${fixed(run.replicaPgMs)}  ${failed}`;
    }),
    '(CPU ms/req: the server process; primary PG and replica PG: each PostgreSQL server, ms of CPU per request;',
    ' p50 of each part of a mixed run, anonymous/signed-in)',
    '',
    `read-your-write: right after each of ${check.tries} publishPost mutations, an anonymous read of the post ` +
      `with the Broadsheet-Read-After token it answered found it ${check.withToken} times; ` +
      `the same read without the token found it ${check.withoutToken} times (the replica had replayed it already)`,
  ];
}

/** Publishes posts through `server` and reads each back at once, anonymously, with and without its token. */
async function readYourWrites(server: ServerProcess, token: string) {
  const tries = 20;
  let withToken = 0;
  let withoutToken = 0;
  const auth = { authorization: `Bearer ${token}` };
  const byId = 'query ($id: ID!) { post(id: $id) { id } }';
  for (let i = 0; i < tries; i += 1) {
    const draft = await graphql(
      server.url,
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
      { input: { title: `Read your write ${i}`, body: '<p>Fresh.</p>' } },
      auth,
    );
    const id = String(draft.data.createPost!.id);
    const published = await graphql(server.url, 'mutation ($id: ID!) { publishPost(id: $id) { id } }', { id }, auth);
    const readAfter = published.headers.get('broadsheet-read-after') ?? '';
    const [own, anyone] = await Promise.all([
      graphql(server.url, byId, { id }, { 'broadsheet-read-after': readAfter }),
      graphql(server.url, byId, { id }),
    ]);
    if (own.data.post) withToken += 1;
    if (anyone.data.post) withoutToken += 1;
  }
  return { tries, withToken, withoutToken };
}
