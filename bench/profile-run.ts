import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CpuProfile, sharesTable, summarizeProfile } from './cpu-profile-summary';
import { loadDataSet } from './data-set';
import { openBenchDatabase } from './database';
import { runLoad } from './load';
import { processCpuMs } from './process-stats';
import { FeedName, feedRequestBody } from './queries';
import { startBroadsheet } from './servers';

/**
 * `npm run bench:profile [-- --feed SimpleFeed|MobileFeed] [--first N] [--posts N] [--seconds S]
 * [--execution compiled|resolvers]`: Broadsheet as the bench runs it, under `node --cpu-prof`,
 * loaded with one feed page (20 connections) after a warm-up; prints where its main thread spent
 * the measured seconds, by place (package, src/ folder, Node internals, garbage collection) and
 * by function, and keeps the .cpuprofile (open it in Chrome's DevTools) in a temporary folder.
 */

interface Options {
  feed: FeedName;
  first: number;
  posts: number;
  seconds: number;
  warmup: number;
  execution: 'compiled' | 'resolvers';
}

const USAGE =
  'usage: npm run bench:profile [-- --feed SimpleFeed|MobileFeed] [--first N] [--posts N] [--seconds S] [--execution compiled|resolvers]';

function parseOptions(argv: string[]): Options {
  const options: Options = {
    feed: 'SimpleFeed',
    first: 20,
    posts: 10_000,
    seconds: 15,
    warmup: 3,
    execution: 'compiled',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--feed' && (value === 'SimpleFeed' || value === 'MobileFeed')) options.feed = value;
    else if (flag === '--execution' && (value === 'compiled' || value === 'resolvers')) options.execution = value;
    else if (['--first', '--posts', '--seconds'].includes(flag) && Number(value) > 0) {
      options[flag.slice(2) as 'first' | 'posts' | 'seconds'] = Math.round(Number(value));
    } else {
      console.error(`bench:profile: bad argument ${flag} ${value}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

const log = (message: string) => console.error(`[profile] ${message}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-profile-'));
  const db = await openBenchDatabase(log);
  try {
    log(`database: ${db.description}; loading ${options.posts} posts`);
    await loadDataSet(db.url, options.posts);
    const spawnedAt = Date.now();
    const server = await startBroadsheet(
      db.url,
      options.execution === 'compiled' ? 'Broadsheet' : 'Broadsheet resolvers',
      {},
      ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    );
    const body = feedRequestBody(options.feed, options.first);
    try {
      await runLoad({ url: server.url, body, connections: 20, seconds: options.warmup });
      // Samples before this moment (start-up, warm-up) are left out of the summary.
      const measuredFromMs = Date.now() - spawnedAt;
      const cpuBefore = await processCpuMs(server.pid);
      const load = await runLoad({ url: server.url, body, connections: 20, seconds: options.seconds });
      const cpuMs = (await processCpuMs(server.pid)) - cpuBefore;
      log(
        `${options.feed}(${options.first}): ${load.perSecond.toFixed(0)} req/s, ` +
          `${(cpuMs / load.sent).toFixed(3)} ms CPU per request (with the profiler's own cost)`,
      );
      await server.stop();
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
      const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
      const root = path.resolve(__dirname, '..', '..');
      const summary = summarizeProfile(measuredOnly(profile, measuredFromMs), root);
      console.log(
        [
          `${options.feed}(${options.first}), ${options.execution}, ${options.posts} posts, ` +
            `${summary.busySamples} busy samples over ${options.seconds} s`,
          '',
          sharesTable('self time by place:', summary.byPlace),
          '',
          sharesTable('self time by function:', summary.byFunction),
          '',
          `profile: ${path.join(profileDir, file)}`,
        ].join('\n'),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

/** The profile with only the samples taken `fromMs` or more after it started. */
function measuredOnly(profile: CpuProfile, fromMs: number): CpuProfile {
  let at = 0;
  const keep = profile.timeDeltas.map((delta) => (at += delta) >= fromMs * 1000);
  return { ...profile, samples: profile.samples.filter((_, i) => keep[i]) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
