import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Role } from '../../src/domain/enums';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { filesUnder } from '../media/media-helpers';
import { randomFrom } from './seeded-random';

/**
 * POST /media as a hostile client sends it (the seeded fuzz of fuzz.test.ts, for uploads):
 * broken multipart framing, huge part headers, many parts, wrong field names, random bytes and
 * truncated images as the file, wrong content types, with a token and without. Every answer is
 * a 4xx with the JSON error shape, and nothing is stored: no row, no file, no temporary file.
 */

const SEED = 20261204;
const REQUESTS = 600;

let api: TestServer;
let author: SignedIn;
let images: Buffer[];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-fuzz-'));

beforeAll(async () => {
  ({ api, author } = await startNewsroom(
    { author: Role.AUTHOR },
    {
      dataDir,
      media: {
        storage: { kind: 'local', dir: path.join(dataDir, 'media') },
        publicBaseUrl: undefined,
        maxBytes: 64 * 1024,
        maxPixels: 4_000_000,
        widths: [320],
        aspectRatios: ['16:9'],
        concurrency: 2,
        uploadsInFlight: 8,
      },
    },
  ));
  const picture = sharp({ create: { width: 200, height: 150, channels: 3, background: '#3a6ea5' } });
  images = await Promise.all(
    (['jpeg', 'png', 'webp', 'gif', 'avif'] as const).map((format) => picture.clone().toFormat(format).toBuffer()),
  );
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** A POST /media with exactly these headers and bytes (no client-side framing or checks). */
function rawPost(headers: Record<string, string>, body: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname,
        port,
        path: '/media',
        method: 'POST',
        headers: { ...headers, 'content-length': body.length },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            contentType: response.headers['content-type'] ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

type Part = { headers: string[]; data: Buffer };

const multipart = (boundary: string, parts: Part[], close = true) =>
  Buffer.concat([
    ...parts.flatMap((part) => [
      Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`),
      part.data,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(close ? `--${boundary}--\r\n` : ''),
  ]);

it(`${REQUESTS} seeded hostile uploads: each a 4xx with a JSON error, and nothing is stored`, async () => {
  const random = randomFrom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const bytes = (max: number) =>
    Buffer.from(
      Array.from(
        { length: Math.floor(random() * max) },
        () => pick([0, 255, 137, 71, 82, 73, 70, 10, 13, 45]) ^ Math.floor(random() * 256),
      ),
    );
  const truncated = () => {
    const image = pick(images);
    // Cut well before the end: what is left can never be a whole image.
    return image.subarray(0, Math.floor(image.length * (0.05 + random() * 0.6)));
  };
  const fileContent = () => (random() < 0.5 ? bytes(4096) : truncated());
  const filePart = (field = 'file'): Part => ({
    headers: [
      `Content-Disposition: form-data; name="${field}"; filename="${pick(['photo.jpg', 'x.png', '../../etc/passwd', '', 'a\tb.gif'])}"`,
      `Content-Type: ${pick(['image/jpeg', 'image/png', 'application/octet-stream', 'text/html', 'image/svg+xml'])}`,
    ],
    data: fileContent(),
  });
  const textPart = (name: string, size: number): Part => ({
    headers: [`Content-Disposition: form-data; name="${name}"`],
    data: Buffer.from('x'.repeat(size)),
  });

  /** One hostile request: its headers (content type included) and body. */
  const cases: Array<() => { contentType?: string; extra?: Record<string, string>; body: Buffer }> = [
    // The right shape, with random bytes or a truncated image as the file.
    () => ({ contentType: 'multipart/form-data; boundary=fz', body: multipart('fz', [filePart()]) }),
    // The file under another name, or no file at all.
    () => ({
      contentType: 'multipart/form-data; boundary=fz',
      body: multipart('fz', [filePart(pick(['image', 'files', 'file[]', 'FILE', '', 'file\u0000']))]),
    }),
    () => ({ contentType: 'multipart/form-data; boundary=fz', body: multipart('fz', [textPart('alt', 10)]) }),
    // Many parts: fields and files past busboy's limits.
    () => ({
      contentType: 'multipart/form-data; boundary=fz',
      body: multipart('fz', [
        ...Array.from({ length: 10 + Math.floor(random() * 200) }, (_, n) => textPart(`f${n}`, 5)),
        ...Array.from({ length: Math.floor(random() * 4) }, () => filePart()),
      ]),
    }),
    // Huge part headers: a very long file name, or many header lines.
    () => ({
      contentType: 'multipart/form-data; boundary=fz',
      body: multipart('fz', [
        random() < 0.5
          ? {
              ...filePart(),
              headers: [`Content-Disposition: form-data; name="file"; filename="${'n'.repeat(40_000)}"`],
            }
          : {
              ...filePart(),
              headers: [...filePart().headers, ...Array.from({ length: 300 }, (_, n) => `X-H${n}: ${'v'.repeat(100)}`)],
            },
      ]),
    }),
    // Texts over their field size, next to a broken file.
    () => ({
      contentType: 'multipart/form-data; boundary=fz',
      body: multipart('fz', [
        textPart(pick(['alt', 'caption', 'credit']), 9000 + Math.floor(random() * 20_000)),
        filePart(),
      ]),
    }),
    // Bad boundaries: another one than the body's, none, too long, odd characters; a body cut off.
    () => ({
      contentType: pick([
        'multipart/form-data; boundary=other',
        'multipart/form-data',
        `multipart/form-data; boundary=${'b'.repeat(200)}`,
        'multipart/form-data; boundary="a b"; boundary=fz',
        'multipart/form-data; boundary=',
      ]),
      body: multipart('fz', [filePart()]),
    }),
    () => ({ contentType: 'multipart/form-data; boundary=fz', body: multipart('fz', [filePart()], false) }),
    () => ({ contentType: 'multipart/form-data; boundary=fz', body: bytes(8192) }),
    // Not multipart at all: an image or random bytes as the raw body.
    () => ({
      contentType: pick(['image/jpeg', 'application/json', 'text/plain', 'multipart/mixed; boundary=fz', undefined]),
      body: random() < 0.5 ? truncated() : bytes(2048),
    }),
    // Large request headers (under Node's 16 KB limit, past which Node itself answers 431 without a body).
    () => ({
      contentType: 'multipart/form-data; boundary=fz',
      extra: { 'x-fuzz': 'h'.repeat(4000 + Math.floor(random() * 8000)) },
      body: multipart('fz', [filePart()]),
    }),
  ];

  const failures: string[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const made = cases[i % cases.length]();
    const token = pick([
      `Bearer ${author.token}`,
      `Bearer ${author.token}`,
      undefined,
      'Bearer not-a-token',
      'Basic x',
    ]);
    const headers: Record<string, string> = {
      ...(made.contentType ? { 'content-type': made.contentType } : {}),
      ...(token ? { authorization: token } : {}),
      ...made.extra,
    };
    const answer = await rawPost(headers, made.body);
    let code: unknown;
    try {
      code = (JSON.parse(answer.body) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions
        ?.code;
    } catch {
      code = undefined;
    }
    if (
      answer.status < 400 ||
      answer.status >= 500 ||
      !answer.contentType.startsWith('application/json') ||
      typeof code !== 'string' ||
      /\n\s+at /.test(answer.body)
    ) {
      failures.push(
        `case ${i % cases.length} #${i} ${JSON.stringify(headers).slice(0, 200)} -> ${answer.status} ${answer.body.slice(0, 200)}`,
      );
    }
  }
  expect(failures).toEqual([]);

  const [{ count }] = (await api.db.query('SELECT count(*)::int AS count FROM media')) as Array<{ count: number }>;
  expect(count).toBe(0);
  expect(filesUnder(path.join(dataDir, 'media'))).toEqual([]);
  expect(filesUnder(path.join(dataDir, 'media-uploads'))).toEqual([]);
}, 120_000);
