import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { answerHeaderBytes } from './answer-headers';
import { BENCH_ADMIN_ENV, signInBenchAdmin } from './bench-admin';
import { loadDataSet } from './data-set';
import { BenchDatabase, openBenchDatabase, readStatements, resetStatements } from './database';
import { relatedPostsOfFeedSql } from './hand-written-sql';
import { runLoad } from './load';
import { peakRssMb, postgresCpuMs, processCpuMs, resetPeakRss } from './process-stats';
import { FeedName, PARITY_PAGES, feedRequestBody } from './queries';
import { replicaBench } from './replica-run';
import { RunFigures, checkTargets, ratiosTable, runsTable, targetsTable } from './report';
import { ServerProcess, startBroadsheet, startHandWritten } from './servers';

/**
 * `npm run bench [-- --posts N] [--seconds S] [--warmup S]`: a fresh PostgreSQL with the data
 * set, Broadsheet as in production and the hand-written endpoint, each in its own process;
 * bounded load on loopback; one table of figures, the ratios and the issue's targets on stdout
 * (progress on stderr). bench/README.md says how to read it.
 */

interface Options {
  posts: number;
  seconds: number;
  warmup: number;
  /** Also print each run's statements (pg_stat_statements), per request. */
  statements: boolean;
  /** Instead: the simple feed with one streaming replica (bench/replica-run.ts). */
  replica: boolean;
}

const USAGE = `usage: npm run bench [-- --posts N] [--seconds S] [--warmup S] [--statements] [--replica]
  --posts N       posts in the data set (default 10000; 10x comments, ~3x links)
  --seconds S     length of each measured load run (default 8)
  --warmup S      unmeasured load before each run (default 2)
  --statements    also print which SQL statements each run sent, per request
  --replica       instead, the simple feed with one streaming replica (the machine's PostgreSQL)`;

function parseOptions(argv: string[]): Options {
  const options: Options = { posts: 10_000, seconds: 8, warmup: 2, statements: false, replica: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--statements' || flag === '--replica') {
      options[flag === '--replica' ? 'replica' : 'statements'] = true;
      continue;
    }
    const key = { '--posts': 'posts', '--seconds': 'seconds', '--warmup': 'warmup' }[flag] as
      'posts' | 'seconds' | 'warmup' | undefined;
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value) || value <= 0) {
      console.error(`bench: bad argument ${flag} ${argv[i + 1] ?? ''}\n${USAGE}`);
      process.exit(2);
    }
    options[key] = key === 'posts' ? Math.round(value) : value;
    i += 1;
  }
  return options;
}

const started = Date.now();
const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (message: string) => console.error(`[bench ${elapsed()} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Set on SIGINT/SIGTERM: the run stops once the servers and the database are gone. */
let interrupted = false;

/** The body's bytes when the client accepts brotli, or undefined when the target does not compress. */
function brotliBytes(url: string, body: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'br' } },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(response.headers['content-encoding'] === 'br' ? bytes : undefined));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function postGraphQL(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Where two JSON values first differ, e.g. `data.posts.nodes[3].relatedPosts[1].slug: "a" vs "b"`. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const inner = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        Array.isArray(a) ? `${at}[${key}]` : `${at}${at ? '.' : ''}${key}`,
      );
      if (inner) return inner;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

/**
 * Every Broadsheet (each execution path) and the hand-written endpoint answer the same JSON for
 * each page (deep equality; also says whether the bytes match); the Broadsheets must match each
 * other byte for byte.
 */
async function checkParity(broadsheets: ServerProcess[], handWritten: ServerProcess): Promise<string> {
  const pages = PARITY_PAGES;
  let bytesEqual = true;
  for (const [feed, first] of pages) {
    const body = feedRequestBody(feed, first);
    const [b, ...answers] = await Promise.all([handWritten, ...broadsheets].map((s) => postGraphQL(s.url, body)));
    for (const [i, a] of answers.entries()) {
      const name = broadsheets[i].name;
      const parsed = JSON.parse(a) as { errors?: unknown };
      if (parsed.errors) throw new Error(`${name} answered ${feed}(${first}) with errors: ${a.slice(0, 500)}`);
      if (a !== answers[0]) {
        throw new Error(
          `${name} answers ${feed}(${first}) differently from ${broadsheets[0].name}: ${firstDifference(JSON.parse(a), JSON.parse(answers[0]))}`,
        );
      }
      const difference = firstDifference(parsed, JSON.parse(b));
      if (difference) {
        throw new Error(
          `the hand-written endpoint answers ${feed}(${first}) differently from ${name}, so the comparison ` +
            `would not be honest. First difference (${name} vs hand-written) at ${difference}`,
        );
      }
      bytesEqual &&= a === b;
    }
  }
  const who = broadsheets.map((s) => s.name).join(', ');
  return `${who} and hand-written equal for ${pages.map(([feed, first]) => `${feed}(${first})`).join(', ')}${bytesEqual ? ', byte for byte' : ' (as JSON; bytes differ)'}`;
}

/** What served the requests between two snapshots of a server's `served` counts. */
function servedBetween(before: Record<string, number>, after: Record<string, number>): string {
  const counts = Object.entries(after)
    .map(([path, n]) => [path, n - (before[path] ?? 0)] as const)
    .filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return '-';
  return counts
    .sort((a, b) => b[1] - a[1])
    .map(([path, n]) => {
      const share = (n / total) * 100;
      return n === total ? path : `${path} ${share < 1 ? '<1' : share.toFixed(0)}%`;
    })
    .join(' ');
}

/** Each run's statements per request, for --statements. */
const breakdowns: string[] = [];

async function measure(
  db: BenchDatabase,
  server: ServerProcess,
  everyServer: ServerProcess[],
  feed: FeedName,
  first: number,
  connections: number,
  options: Options,
  staffToken?: string,
): Promise<RunFigures> {
  const body = feedRequestBody(feed, first);
  const headers = staffToken ? { authorization: `Bearer ${staffToken}` } : undefined;
  await settle(db, everyServer);
  await runLoad({ url: server.url, body, connections, seconds: options.warmup, headers });
  await settle(db, everyServer); // requests cut off by the end of the warm-up finish first
  await resetStatements(db);
  const peakReset = await resetPeakRss(server.pid);
  const servedBefore = { ...server.served };
  const cpuBefore = await processCpuMs(server.pid);
  const pgBefore = db.postmasterPid ? await postgresCpuMs(db.postmasterPid) : undefined;
  const load = await runLoad({ url: server.url, body, connections, seconds: options.seconds, headers });
  // The requests cut off at the end are still worked on: wait, and count them as requests.
  await settle(db, everyServer);
  const cpuAfter = await processCpuMs(server.pid);
  const pgAfter = db.postmasterPid ? await postgresCpuMs(db.postmasterPid) : undefined;
  const statements = await readStatements(db);
  const n = Math.max(1, load.sent);
  const figures: RunFigures = {
    target: server.name as RunFigures['target'],
    servedBy: servedBetween(servedBefore, server.served),
    ...(staffToken ? { viewer: 'staff' as const } : {}),
    feed,
    first,
    connections,
    perSecond: load.perSecond,
    p50: load.p50,
    p99: load.p99,
    cpuMs: (cpuAfter - cpuBefore) / n,
    pgCpuMs: pgBefore !== undefined && pgAfter !== undefined ? (pgAfter - pgBefore) / n : undefined,
    statements: statements ? statements.calls / n : undefined,
    peakRssMb: await peakRssMb(server.pid),
    responses: load.responses,
    failures: load.failures,
    bytes: load.bytesPerResponse,
    brotliBytes: await brotliBytes(server.url, body),
  };
  if (!peakReset) log('could not reset VmHWM: peak RSS is since the process started');
  if (options.statements && statements) {
    breakdowns.push(
      `${figures.target} ${feed}(${first}) x${connections}: calls and ms (planning + execution) per request`,
      ...statements.rows.map(
        (row) =>
          `  ${(row.calls / n).toFixed(2).padStart(6)}  ${((row.planMs + row.execMs) / n).toFixed(3).padStart(8)}  ${row.text}`,
      ),
    );
  }
  log(
    `${figures.target} (${figures.servedBy}) ${feed}(${first}) x${connections}: ${figures.perSecond.toFixed(0)} req/s, ` +
      `p50 ${figures.p50.toFixed(2)} ms, CPU ${figures.cpuMs.toFixed(3)} ms/req`,
  );
  return figures;
}

/** Statements per request of one page, sent `times` times one after another. */
async function sequentialStatements(
  db: BenchDatabase,
  url: string,
  body: string,
  times = 10,
): Promise<number | undefined> {
  await resetStatements(db);
  for (let i = 0; i < times; i += 1) await postGraphQL(url, body);
  const stats = await readStatements(db);
  return stats ? stats.calls / times : undefined;
}

/** PostgreSQL time of one request's statements: planning and execution, ms. */
interface PgTime {
  planMs: number;
  execMs: number;
}

/**
 * PostgreSQL time of relatedPosts for the first 20 feed posts. Broadsheet: the statements that
 * a feed page with relatedPosts(limit: 3) sends beyond the same page without it, from
 * pg_stat_statements over 30 sequential requests (planning counted when track_planning is on).
 * Hand-written: EXPLAIN (ANALYZE, TIMING OFF) of its relatedPosts part (and the feed page it
 * needs), median of 10.
 */
async function relatedPostsTime(
  db: BenchDatabase,
  broadsheet: ServerProcess,
): Promise<{ broadsheet: (PgTime & { statements: number }) | undefined; handWritten: PgTime }> {
  const feedOnly = JSON.stringify({ query: 'query FeedOnly { posts(first: 20) { nodes { slug } } }' });
  const related = JSON.stringify({
    query: 'query RelatedOnly { posts(first: 20) { nodes { relatedPosts(limit: 3) { slug title } } } }',
  });
  let broadsheetTime: (PgTime & { statements: number }) | undefined;
  if (db.statementsCounted) {
    for (let i = 0; i < 5; i += 1) await postGraphQL(broadsheet.url, related); // warm
    await resetStatements(db);
    for (let i = 0; i < 10; i += 1) await postGraphQL(broadsheet.url, feedOnly);
    const feedIds = (await readStatements(db))!.rows.map((row) => row.queryId);
    await resetStatements(db);
    const times = 30;
    for (let i = 0; i < times; i += 1) await postGraphQL(broadsheet.url, related);
    const all = (await readStatements(db))!;
    const stats = (await readStatements(
      db,
      all.rows.map((row) => row.queryId).filter((id) => !feedIds.includes(id)),
    ))!;
    broadsheetTime = { planMs: stats.planMs / times, execMs: stats.execMs / times, statements: stats.calls / times };
  }
  const exists = await db.admin.query<{ exists: boolean }>(`SELECT to_regclass('post_tags') IS NOT NULL AS exists`);
  const sql = relatedPostsOfFeedSql({
    suggestionsFrom: exists.rows[0].exists ? 'post_tags' : 'posts',
    postUrlTemplate: '/posts/{slug}',
  });
  const samples: PgTime[] = [];
  for (let i = 0; i < 11; i += 1) {
    const { rows } = await db.admin.query<{
      'QUERY PLAN': Array<{ 'Planning Time': number; 'Execution Time': number }>;
    }>(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`, [20]);
    const plan = rows[0]['QUERY PLAN'][0];
    if (i > 0) samples.push({ planMs: plan['Planning Time'], execMs: plan['Execution Time'] });
  }
  samples.sort((a, b) => a.planMs + a.execMs - (b.planMs + b.execMs));
  return { broadsheet: broadsheetTime, handWritten: samples[Math.floor(samples.length / 2)] };
}

/**
 * Waits until the servers and PostgreSQL are idle (under 5% of a core for 250 ms), so that what
 * the previous run left queued is not counted in the next one. At most 30 s.
 */
async function settle(db: BenchDatabase, servers: ServerProcess[]): Promise<void> {
  const busy = async () => {
    let total = 0;
    for (const server of servers) total += await processCpuMs(server.pid);
    if (db.postmasterPid) total += await postgresCpuMs(db.postmasterPid);
    return total;
  };
  const deadline = Date.now() + 30_000;
  let before = await busy();
  while (Date.now() < deadline) {
    await sleep(250);
    const after = await busy();
    if (after - before < 12.5) return;
    before = after;
  }
  log('WARNING: the servers did not go idle within 30 s');
}

/** dist/ must hold the current sources: `npm run bench` builds first; a bare run gets a warning. */
function warnIfDistIsStale(root: string): void {
  const main = path.join(root, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('dist/main.js is missing: run `npm run build` (npm run bench does)');
  const built = statSync(main).mtimeMs;
  const newest = (dir: string): number => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }
    return latest;
  };
  if (newest(path.join(root, 'src')) > built) log('WARNING: src/ is newer than dist/: run `npm run build` first');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = path.resolve(__dirname, '..', '..');
  warnIfDistIsStale(root);
  // Servers and database are removed once, whether the run ends, fails or is interrupted.
  const cleanups: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.splice(0).reverse()) {
        await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: stopping the servers and removing the database`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  const cpus = os.cpus();
  log(`machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), node ${process.version}`);
  if (options.replica) {
    const replicaLines = await replicaBench(options, log, cleanups).finally(cleanUp);
    console.log([...replicaLines, `wall time ${elapsed()} s`].join('\n'));
    return;
  }
  const db = await openBenchDatabase(log);
  cleanups.push(() => db.drop());
  const lines: string[] = [];
  try {
    log(`database: ${db.description}; loading ${options.posts} posts`);
    const loadStarted = Date.now();
    const counts = await loadDataSet(db.url, options.posts);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(`data set loaded in ${loadSeconds.toFixed(1)} s: ${JSON.stringify(counts)}`);

    // With the bootstrap administrator, for the signed-in run (one author more, with no posts).
    const broadsheet = await startBroadsheet(db.url, 'Broadsheet', BENCH_ADMIN_ENV);
    cleanups.push(() => broadsheet.stop());
    const resolvers = await startBroadsheet(db.url, 'Broadsheet resolvers');
    cleanups.push(() => resolvers.stop());
    const cached = await startBroadsheet(db.url, 'Broadsheet cached');
    cleanups.push(() => cached.stop());
    const handWritten = await startHandWritten(db.url);
    cleanups.push(() => handWritten.stop());
    log(
      `Broadsheet (pid ${broadsheet.pid}) at ${broadsheet.url}; hand-written (pid ${handWritten.pid}) at ${handWritten.url}`,
    );
    const parity = await checkParity([broadsheet, resolvers], handWritten);
    log(`answers ${parity}`);
    const headers = await answerHeaderBytes(broadsheet.url, feedRequestBody('SimpleFeed', 20));

    const runs: RunFigures[] = [];
    const scenarios: Array<[FeedName, number, number]> = [
      ['SimpleFeed', 5, 20],
      ['SimpleFeed', 20, 20],
      ['SimpleFeed', 40, 20],
      ['SimpleFeed', 100, 20],
      ['MobileFeed', 20, 20],
      ['MobileFeed', 20, 50],
    ];
    const everyServer = [broadsheet, resolvers, cached, handWritten];
    // The resolver path (GRAPHQL_EXECUTION=resolvers) beside the compiled one, in the same
    // conditions, where the issue's targets are read.
    const alsoResolvers = (feed: FeedName, first: number, connections: number) =>
      connections === 20 && (feed === 'MobileFeed' ? first === 20 : first === 20 || first === 100);
    for (const [feed, first, connections] of scenarios) {
      const targets = alsoResolvers(feed, first, connections)
        ? [broadsheet, resolvers, handWritten]
        : [broadsheet, handWritten];
      for (const server of targets) {
        runs.push(await measure(db, server, everyServer, feed, first, connections, options));
      }
    }
    // A signed-in member of staff's feed: private answers, the viewer's rules in every read.
    const staffToken = await signInBenchAdmin(broadsheet.url);
    runs.push(await measure(db, broadsheet, everyServer, 'SimpleFeed', 20, 20, options, staffToken));
    // The same pages from the response cache: what a burst of anonymous readers costs.
    for (const feed of ['SimpleFeed', 'MobileFeed'] as const) {
      runs.push(await measure(db, cached, everyServer, feed, 20, 20, options));
    }

    await settle(db, everyServer);
    const mobileSizes = [5, 20, 40, 100];
    const mobileStatements: Array<number | undefined> = [];
    for (const first of mobileSizes) {
      mobileStatements.push(await sequentialStatements(db, broadsheet.url, feedRequestBody('MobileFeed', first)));
    }
    const related = await relatedPostsTime(db, broadsheet);
    const relatedMs = related.broadsheet && related.broadsheet.planMs + related.broadsheet.execMs;
    const pgTime = (time: PgTime) =>
      `${(time.planMs + time.execMs).toFixed(3)} ms (planning ${time.planMs.toFixed(3)} + execution ${time.execMs.toFixed(3)})`;

    const checks = checkTargets(runs, mobileSizes, mobileStatements, relatedMs);

    lines.push(
      `Broadsheet benchmark: ${counts.posts} posts (${counts.livePosts} live), ${counts.authors} authors, ` +
        `${counts.comments} comments, ${counts.links} related links, ${counts.tags} tags`,
      `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
        `node ${process.version}, ${db.description}`,
      `load: autocannon on loopback, closed loop, ${options.seconds} s per run after ${options.warmup} s warm-up; ` +
        `data set loaded in ${loadSeconds.toFixed(1)} s`,
      `answers: ${parity}`,
      `headers of Broadsheet's SimpleFeed(20) answer: ${headers.total} bytes, of which Surrogate-Key and Cache-Tag ` +
        `${headers.cacheTags} (CACHE_TAG_HEADERS=both; none would leave ${headers.total - headers.cacheTags})`,
      'Broadsheet runs with GRAPHQL_EXECUTION=compiled (the default), Broadsheet resolvers with =resolvers; ' +
        '"served by" counts what each request log line of the measured run says answered it',
      '',
      runsTable(runs),
      '',
      'Broadsheet / hand-written (req/s: higher is better for Broadsheet; CPU: lower is)',
      ratiosTable(runs),
      '',
      'relatedPosts(limit: 3) of the first 20 feed posts, PostgreSQL time per request:',
      `  Broadsheet   ${related.broadsheet ? `${pgTime(related.broadsheet)} in ${related.broadsheet.statements} statement(s)` : 'n/a'} (pg_stat_statements, 30 sequential requests)`,
      `  hand-written ${pgTime(related.handWritten)} (EXPLAIN ANALYZE of its relatedPosts part with the feed page, median of 10)`,
      '',
      targetsTable(checks),
      '',
      ...(breakdowns.length ? [...breakdowns, ''] : []),
    );
  } finally {
    log('stopping the servers and removing the database');
    await cleanUp();
  }
  lines.push(`wall time ${elapsed()} s (bench process; the build before it is not counted)`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (interrupted) return; // the signal handler exits once the cleanup is done
  console.error('[bench] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
