import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Role } from '../../src/domain/enums';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { filesUnder, originOf, plainImage, upload } from './media-helpers';

let api: TestServer;
let author: SignedIn;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-refusals-'));
const MAX_BYTES = 300 * 1024;
let rssAtStart = 0;

beforeAll(async () => {
  ({ api, author } = await startNewsroom(
    { author: Role.AUTHOR },
    {
      dataDir,
      media: {
        storage: { kind: 'local', dir: path.join(dataDir, 'media') },
        publicBaseUrl: undefined,
        maxBytes: MAX_BYTES,
        maxPixels: 4_000_000,
        widths: [320, 640],
        aspectRatios: ['16:9'],
        concurrency: 2,
        uploadsInFlight: 2,
      },
    },
  ));
  rssAtStart = process.memoryUsage().rss;
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Nothing of a refused upload is left: no row, no stored file, no temporary file. */
async function expectNothingStored() {
  const [{ count }] = (await api.db.query('SELECT count(*)::int AS count FROM media')) as Array<{ count: number }>;
  expect(count).toBe(0);
  expect(filesUnder(path.join(dataDir, 'media'))).toEqual([]);
  expect(filesUnder(path.join(dataDir, 'media-uploads'))).toEqual([]);
}

const firstError = (body: { errors?: Array<{ extensions: { code: string; field?: string } }> }) =>
  body.errors?.[0]?.extensions;

describe('refused uploads: a clear 4xx with the contract code, nothing stored', () => {
  it.each([
    ['a text file', () => Buffer.from('just some words, not a picture at all'), 415],
    [
      'an SVG with a script',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
      415,
    ],
    ['a 0-byte file', () => Buffer.alloc(0), 400],
    ['a truncated JPEG', async () => (await plainImage('jpeg', 800, 600)).subarray(0, 600), 400],
    [
      'a file over MEDIA_MAX_BYTES',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_BYTES)]),
      413,
    ],
    // 6 megapixels where MEDIA_MAX_PIXELS allows 4: refused from its header, never decoded.
    [
      'a huge-dimension image',
      () =>
        sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      400,
    ],
  ])('%s', async (name, make, status) => {
    const answer = await upload(api, author.token, await make(), { type: 'image/jpeg' });
    expect(answer.status).toBe(status);
    expect(firstError(answer.body)).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(answer.body.errors![0].message).toMatch(status === 400 && name.includes('huge') ? /megapixels/ : /\w/);
    await expectNothingStored();
  });

  it('a missing file field, a missing token, a bad token, a JSON body', async () => {
    const missing = await upload(api, author.token, null, { fields: { alt: 'no file here' } });
    expect([missing.status, firstError(missing.body)]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'file' }]);
    const anonymous = await upload(api, undefined, await plainImage('jpeg', 400, 300));
    expect([anonymous.status, firstError(anonymous.body)?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await upload(api, 'not-a-token', await plainImage('jpeg', 400, 300));
    expect([forged.status, firstError(forged.body)?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const json = await fetch(`${originOf(api)}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${author.token}`, 'content-type': 'application/json' },
      body: '{"file": "aGVsbG8="}',
    });
    expect([json.status, firstError((await json.json()) as never)?.code]).toEqual([415, 'BAD_USER_INPUT']);
    const tooLong = await upload(api, author.token, await plainImage('jpeg', 400, 300), {
      fields: { credit: 'x'.repeat(301) },
    });
    expect([tooLong.status, firstError(tooLong.body)]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'credit' }]);
    await expectNothingStored();
  });

  it('a wrong method is 405 with Allow, in the same JSON shape', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(`${originOf(api)}/media`, { method });
      expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
      expect(firstError((await response.json()) as never)?.code).toBe('BAD_REQUEST');
    }
    const onAFile = await fetch(`${originOf(api)}/media/${'a'.repeat(32)}.jpg`, { method: 'DELETE' });
    expect([onAFile.status, onAFile.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('past MEDIA_UPLOADS_IN_FLIGHT uploads being received at once, another is 429 before its body is read', async () => {
    // Two uploads that send their headers and a first chunk, then wait: each is being received.
    // What happens to them is kept: an answer or an error before they are let go is a failure
    // to see in the assertion, not a silent reason for the third upload to get in.
    const { port } = new URL(api.url);
    const happened: string[] = [];
    // Both must have reached the server before the third is sent: a third sent sooner can take a
    // place first, and a stalled one is refused instead (seen on a loaded machine).
    const bothArrived = new Promise<void>((resolve) => {
      let arrived = 0;
      const onRequest = (request: http.IncomingMessage) => {
        if (request.headers['x-stalled-upload'] === undefined || (arrived += 1) < 2) return;
        api.server.httpServer.off('request', onRequest);
        resolve();
      };
      api.server.httpServer.on('request', onRequest);
    });
    const stalled = await Promise.all(
      [0, 1].map(async (n) => {
        const request = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/media',
          headers: {
            authorization: `Bearer ${author.token}`,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(MAX_BYTES - 1),
            'x-stalled-upload': String(n),
          },
        });
        request.on('response', (response) => happened.push(`upload ${n} answered ${response.statusCode}`));
        request.on('error', (error) => happened.push(`upload ${n} failed: ${error.message}`));
        // Resolved once the headers and the first chunk are handed to the socket.
        await new Promise((resolve) =>
          request.write(
            '--x\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
            resolve,
          ),
        );
        return request;
      }),
    );
    await bothArrived;
    // The server's own 'request' listener (the app) has run by now; a turn more for anything it deferred.
    await new Promise((resolve) => setImmediate(resolve));
    const third = async () => upload(api, author.token, await plainImage('jpeg', 400, 300));
    let refused = await third();
    // The stalled two reach the server in their own time: ask until they hold both places.
    for (let i = 0; refused.status !== 429 && i < 50; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refused = await third();
    }
    expect({ third: [refused.status, firstError(refused.body)?.code], stalled: happened }).toEqual({
      third: [429, 'RATE_LIMITED'],
      stalled: [],
    });
    for (const request of stalled) request.destroy();
    let after = await third();
    for (let i = 0; after.status !== 201 && i < 50; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await third();
    }
    expect(after.status).toBe(201);
    await api.db.query('DELETE FROM media');
  });

  it('the server is unharmed: it still uploads, and the refusals did not pile up memory', async () => {
    const answer = await upload(api, author.token, await plainImage('png', 500, 400));
    expect(answer.status).toBe(201);
    // The server runs in this Jest worker, whose RSS also holds the files run before this one:
    // what the refusals added is the measure (uploads stream to disk, never into memory).
    expect(process.memoryUsage().rss - rssAtStart).toBeLessThan(100 * 1024 * 1024);
  });
});
