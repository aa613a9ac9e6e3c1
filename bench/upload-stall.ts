import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { BENCH_ADMIN_ENV, signInBenchAdmin } from './bench-admin';
import { loadDataSet } from './data-set';
import { openBenchDatabase } from './database';
import { LoadResult, runLoad } from './load';
import { feedRequestBody } from './queries';
import { ServerProcess, startBroadsheet } from './servers';

/**
 * `npm run bench:uploads [-- --seconds S] [--concurrency N]`: does image work stall other
 * requests (issue 18)? Broadsheet as in production on a fresh database with a small data set;
 * feed reads (SimpleFeed(20), 10 connections, autocannon) first alone, then while 5 clients
 * upload a 24-megapixel JPEG over and over (5 uploads in flight the whole run). Prints p50/p99
 * of the reads in both runs, and how long the uploads took. bench/README.md has the figures.
 */

const USAGE = `usage: npm run bench:uploads [-- --seconds S] [--concurrency N]
  --seconds S       length of each measured run (default 20)
  --concurrency N   MEDIA_CONCURRENCY of the server (default: the server's own, 2)`;

const PARALLEL_UPLOADS = 5;
const CONNECTIONS = 10;

function parseOptions(argv: string[]): { seconds: number; concurrency: number | undefined } {
  const options = { seconds: 20, concurrency: undefined as number | undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--seconds' && value > 0) options.seconds = value;
    else if (argv[i] === '--concurrency' && Number.isInteger(value) && value > 0) options.concurrency = value;
    else {
      console.error(`bench: bad argument ${argv[i]} ${argv[i + 1] ?? ''}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

/**
 * A 6000 x 4000 JPEG as a camera makes it: a gradient under fine noise (noise keeps the file at
 * a real photo's size, ~10 MB, and makes the encoders work as on a photo).
 */
async function photo24mp(): Promise<Buffer> {
  const width = 6000;
  const height = 4000;
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#5a7d9a' } })
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** `clients` clients, each uploading `photo` again and again until `until` resolves; each upload's ms. */
async function uploadsUntil(server: ServerProcess, token: string, photo: Buffer, until: Promise<unknown>) {
  const url = server.url.replace(/\/graphql$/, '/media');
  let done = false;
  void until.then(() => (done = true));
  const durations: number[] = [];
  const failures: string[] = [];
  const client = async (n: number) => {
    while (!done) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `photo-${n}.jpg`);
      const before = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const text = await response.text();
      if (response.status === 201) durations.push(performance.now() - before);
      else failures.push(`${response.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, (_, n) => client(n)));
  return { durations, failures };
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const row = (name: string, load: LoadResult) =>
  `${name.padEnd(34)} ${ms(load.p50)} ${ms(load.p99)} ${load.perSecond.toFixed(0).padStart(8)} ${String(load.failures).padStart(8)}`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const cpus = os.cpus();
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`;
  log(`machine: ${machine}`);
  const photo = await photo24mp();
  log(`photo: 6000 x 4000 JPEG, ${(photo.length / 2 ** 20).toFixed(1)} MiB`);
  const db = await openBenchDatabase(log);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-media-'));
  let server: ServerProcess | undefined;
  try {
    await loadDataSet(db.url, 2000);
    server = await startBroadsheet(db.url, 'Broadsheet', {
      DATA_DIR: dataDir,
      ...BENCH_ADMIN_ENV,
      JWT_SECRET: crypto.randomBytes(48).toString('base64url'),
      ...(options.concurrency ? { MEDIA_CONCURRENCY: String(options.concurrency) } : {}),
    });
    const token = await signInBenchAdmin(server.url);
    const body = feedRequestBody('SimpleFeed', 20);
    const load = (seconds: number) => runLoad({ url: server!.url, body, connections: CONNECTIONS, seconds });
    await load(3); // warm-up
    const alone = await load(options.seconds);
    log(`feed alone: p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`);
    // Uploads first, so the measured window starts with five of them in flight.
    let endUploads!: () => void;
    const uploadsEnd = new Promise<void>((resolve) => (endUploads = resolve));
    const uploads = uploadsUntil(server, token, photo, uploadsEnd);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const during = await load(options.seconds);
    endUploads();
    const { durations, failures } = await uploads;
    durations.sort((a, b) => a - b);
    log(`feed during uploads: p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms`);
    const median = durations[Math.floor(durations.length / 2)] ?? NaN;
    console.log(
      [
        `Feed reads during uploads of a 24-megapixel JPEG (${(photo.length / 2 ** 20).toFixed(1)} MiB)`,
        `machine: ${machine}; ${db.description}`,
        `server: node dist/main.js, NODE_ENV=production, MEDIA_CONCURRENCY=${options.concurrency ?? '2 (default)'}, local storage`,
        `reads: SimpleFeed(20) on 2000 posts, ${CONNECTIONS} connections, ${options.seconds} s per run (autocannon, loopback)`,
        '',
        `${'run'.padEnd(34)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'req/s'.padStart(8)} ${'failures'.padStart(8)}`,
        row('feed alone', alone),
        row(`feed during ${PARALLEL_UPLOADS} parallel uploads`, during),
        '',
        `uploads: ${durations.length} stored (201) while measured, ${failures.length} refused; ` +
          `each took ${(median / 1000).toFixed(1)} s median, ${((durations.at(-1) ?? NaN) / 1000).toFixed(1)} s longest ` +
          `(waiting for the image queue included)`,
        ...failures.slice(0, 3).map((failure) => `  refused: ${failure}`),
      ].join('\n'),
    );
  } finally {
    await server?.stop();
    await db.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
