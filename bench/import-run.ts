import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './database';
import { writeWxr } from './import-wxr';
import { peakRssMb, postgresCpuMs, processCpuMs } from './process-stats';

/**
 * `npm run bench:import [-- --posts N]`: issue 19's memory and speed target. Generates a WXR of
 * N posts (default 20,000) with 2 comments each (bench/import-wxr.ts) in a temporary folder,
 * runs the real CLI (`node dist/cli/import.js FILE`, as `npm run import` does after its build)
 * on a fresh database (the embedded PostgreSQL, or a new database on DATABASE_URL's server),
 * then once more on the same file (nothing to change), and prints posts/s, comments/s, the
 * CLI's peak RSS and CPU, PostgreSQL's CPU and what the rest of the machine used meanwhile
 * (other work on a shared machine slows the import: the figures say how much there was).
 */

const TARGETS = { postsPerSecond: 500, peakRssMb: 300 };
const ROOT = path.resolve(__dirname, '..', '..');
const POLL_MS = 100;

const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

/** Busy and total CPU ticks of the whole machine (/proc/stat's first line). */
async function machineTicks(): Promise<{ busy: number; total: number }> {
  const fields = (await fs.readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
}

interface Run {
  seconds: number;
  stdout: string;
  /** VmHWM of the CLI process, last read before it ended (polled every 100 ms). */
  peakRssMb: number;
  cliCpuMs: number;
  postgresCpuMs: number | undefined;
  /** Cores the whole machine kept busy, on average, during the run. */
  machineCores: number;
}

/** One run of the CLI on `file`, watched from /proc. */
async function runCli(file: string, databaseUrl: string, postmasterPid: number | undefined): Promise<Run> {
  const pgBefore = postmasterPid ? await postgresCpuMs(postmasterPid) : undefined;
  const machineBefore = await machineTicks();
  const t0 = process.hrtime.bigint();
  const { PATH, HOME, LANG, TZ } = process.env;
  const env = Object.fromEntries(
    Object.entries({ PATH, HOME, LANG, TZ, DATABASE_URL: databaseUrl }).filter(([, v]) => v !== undefined),
  );
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'import.js'), file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  let peak = 0;
  let cpu = 0;
  const poll = setInterval(() => {
    void Promise.all([peakRssMb(child.pid!), processCpuMs(child.pid!)]).then(
      ([rss, ms]) => ((peak = Math.max(peak, rss)), (cpu = Math.max(cpu, ms))),
      () => undefined, // it has just ended
    );
  }, POLL_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0) throw new Error(`the import exited ${code}:\n${stderr}`);
  const machineAfter = await machineTicks();
  return {
    seconds,
    stdout,
    peakRssMb: peak,
    cliCpuMs: cpu,
    postgresCpuMs: postmasterPid ? (await postgresCpuMs(postmasterPid)) - pgBefore! : undefined,
    machineCores:
      (os.cpus().length * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total),
  };
}

/** created, updated, unchanged of a kind in the printed report. */
function counts(report: string, kind: string): [number, number, number] {
  const row = new RegExp(`^ {2}${kind} +(\\d+) +(\\d+) +(\\d+)`, 'm').exec(report);
  if (!row) throw new Error(`no ${kind} row in the report:\n${report}`);
  return [Number(row[1]), Number(row[2]), Number(row[3])];
}

function parsePosts(argv: string[]): number {
  if (argv.length === 0) return 20_000;
  const posts = Number(argv[1]);
  if (argv[0] !== '--posts' || !Number.isInteger(posts) || posts <= 0 || argv.length > 2) {
    console.error('usage: npm run bench:import [-- --posts N]   (default 20000, 2 comments each)');
    process.exit(2);
  }
  return posts;
}

async function main(): Promise<void> {
  const posts = parsePosts(process.argv.slice(2));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-import-'));
  const file = path.join(dir, 'export.xml');
  // Durable commits: an import is writes, and production's PostgreSQL syncs them.
  const db = await openBenchDatabase(log, { durable: true });
  try {
    await writeWxr(file, posts);
    const size = (await fs.stat(file)).size;
    const cpus = os.cpus();
    const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`;
    const load = os.loadavg().map((n) => n.toFixed(2));
    log(`${posts} posts, ${2 * posts} comments: ${(size / 2 ** 20).toFixed(1)} MiB; ${db.description}`);
    log(`machine: ${machine}; load average before: ${load.join(', ')}`);
    const first = await runCli(file, db.url, db.postmasterPid);
    const [postsCreated] = counts(first.stdout, 'posts');
    const [commentsCreated] = counts(first.stdout, 'comments');
    if (postsCreated !== posts || commentsCreated !== 2 * posts) throw new Error(`not all imported:\n${first.stdout}`);
    log('again, on the same file');
    const again = await runCli(file, db.url, db.postmasterPid);
    const [createdAgain, updatedAgain, unchangedAgain] = counts(again.stdout, 'posts');
    const figures = (run: Run, label: string) =>
      `| ${label} | ${run.seconds.toFixed(1)} | ${(posts / run.seconds).toFixed(0)} | ${((2 * posts) / run.seconds).toFixed(0)} | ` +
      `${run.peakRssMb.toFixed(0)} | ${(run.cliCpuMs / 1000).toFixed(1)} | ` +
      `${run.postgresCpuMs === undefined ? 'n/a' : (run.postgresCpuMs / 1000).toFixed(1)} | ${run.machineCores.toFixed(2)} |`;
    const lines = [
      `Import of a generated WXR: ${posts} posts, ${2 * posts} comments, ${(size / 2 ** 20).toFixed(1)} MiB`,
      `machine: ${machine}; load average before: ${load.join(', ')}`,
      `database: ${db.description}`,
      '',
      '| run | s | posts/s | comments/s | CLI peak RSS MB | CLI CPU s | PostgreSQL CPU s | machine busy, cores |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      figures(first, 'first import'),
      figures(again, `again (${createdAgain} created, ${updatedAgain} updated, ${unchangedAgain} unchanged)`),
      '',
      `target: >= ${TARGETS.postsPerSecond} posts/s: ${posts / first.seconds >= TARGETS.postsPerSecond ? 'met' : 'MISSED'}; ` +
        `peak RSS < ${TARGETS.peakRssMb} MB: ${Math.max(first.peakRssMb, again.peakRssMb) < TARGETS.peakRssMb ? 'met' : 'MISSED'}`,
      '(s: wall time of the whole command, start and connection included; machine busy: every process on the',
      'machine, the import and PostgreSQL among them, in cores of the whole run)',
    ];
    console.log(lines.join('\n'));
  } finally {
    await db.drop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
