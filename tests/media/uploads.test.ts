import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Role } from '../../src/domain/enums';
import { MediaItemDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { filesUnder, originOf, phoneJpeg, plainImage, served, upload } from './media-helpers';

let api: TestServer;
let author: SignedIn;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-'));
const mediaDir = path.join(dataDir, 'media');

beforeAll(async () => {
  ({ api, author } = await startNewsroom(
    { author: Role.AUTHOR },
    { dataDir, media: { ...defaults(), storage: { kind: 'local', dir: mediaDir }, widths: [320, 640] } },
  ));
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function statusOf(url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => resolve(response.resume().statusCode!)).on('error', reject);
  });
}

function defaults() {
  return {
    publicBaseUrl: undefined,
    maxBytes: 20 * 1024 * 1024,
    maxPixels: 50_000_000,
    aspectRatios: ['1:1', '4:3', '16:9'],
    concurrency: 2,
    uploadsInFlight: 8,
  };
}

describe('uploading an image (POST /media, local storage)', () => {
  it('stores a phone photo upright and without its EXIF or GPS, answering 201 with the media item', async () => {
    const answer = await upload(api, author.token, await phoneJpeg(), {
      name: 'harbour.jpg',
      fields: { alt: 'The harbour at dawn', caption: 'Boats leave at six.', credit: 'Ana Lopes' },
    });
    expect(answer.status).toBe(201);
    const media = answer.body.data!.media;
    expect(media).toMatchObject({ mimeType: 'image/jpeg', width: 400, height: 600, alt: 'The harbour at dawn' });
    expect(media.credit).toBe('Ana Lopes');

    const original = await served(api, media.url);
    expect(original.response.status).toBe(200);
    expect(original.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(original.response.headers.get('content-type')).toBe('image/jpeg');
    expect(original.meta).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    expect(original.meta!.exif).toBeUndefined();
    expect(original.meta!.orientation ?? 1).toBe(1);
    expect(original.data.includes(Buffer.from('Harbour Camera Co'))).toBe(false);
    // Upright: what was the left (red) half is now on top.
    const { data } = await sharp(original.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 400 + x) * 3, (y * 400 + x) * 3 + 3)];
    expect(pixel(200, 100)[0]).toBeGreaterThan(200);
    expect(pixel(200, 500)[2]).toBeGreaterThan(200);
  });

  it('makes WebP, AVIF and JPEG renditions at each width below the original, as served', async () => {
    const { body } = await upload(api, author.token, await plainImage('jpeg', 1000, 750));
    const { data } = await api.gql(MediaItemDocument, { id: body.data!.media.id }, { token: author.token });
    const renditions = data!.media!.renditions;
    expect(renditions.map((r) => `${r.width}x${r.height} ${r.format}`)).toEqual([
      '320x240 AVIF',
      '320x240 JPEG',
      '320x240 WEBP',
      '640x480 AVIF',
      '640x480 JPEG',
      '640x480 WEBP',
    ]);
    for (const rendition of renditions) {
      const file = await served(api, rendition.url);
      expect(file.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(file.meta).toMatchObject({ width: rendition.width, height: rendition.height });
      expect(file.meta!.format).toBe({ AVIF: 'heif', JPEG: 'jpeg', WEBP: 'webp', PNG: 'png' }[rendition.format]);
      expect(file.data.length).toBe(rendition.bytes);
    }
    expect(data!.media!.webp).toBe(
      renditions
        .filter((r) => r.format === 'WEBP')
        .map((r) => `${r.url} ${r.width}w`)
        .join(', '),
    );
  });

  it.each([
    ['png', 'image/png', ['AVIF', 'PNG', 'WEBP']],
    ['gif', 'image/gif', ['AVIF', 'JPEG', 'WEBP']],
    ['webp', 'image/webp', ['AVIF', 'WEBP']],
    ['avif', 'image/avif', ['AVIF', 'WEBP']],
  ] as const)('accepts %s, recognised by its content whatever its name says', async (format, mimeType, formats) => {
    const { status, body } = await upload(api, author.token, await plainImage(format, 700, 500), {
      name: 'not-really.txt',
      type: 'application/octet-stream',
    });
    expect(status).toBe(201);
    const media = body.data!.media;
    expect(media).toMatchObject({ mimeType, width: 700, height: 500 });
    expect((await served(api, media.url)).meta).toMatchObject({ width: 700, height: 500 });
    const { data } = await api.gql(MediaItemDocument, { id: media.id }, { token: author.token });
    expect([...new Set(data!.media!.renditions.map((r) => r.format))].sort()).toEqual(formats);
    expect(data!.media!.renditions.map((r) => r.width)).toEqual(
      formats.flatMap(() => [320, 640]).sort((a, b) => a - b),
    );
  });

  it('never upscales: an image narrower than every width gets one rendition per format at its own width', async () => {
    const { body } = await upload(api, author.token, await plainImage('jpeg', 200, 100));
    const { data } = await api.gql(MediaItemDocument, { id: body.data!.media.id }, { token: author.token });
    expect(data!.media!.renditions.map((r) => `${r.width}x${r.height}`)).toEqual(['200x100', '200x100', '200x100']);
  });

  it('serves files with Range and conditional requests, and names them by their content', async () => {
    const { body } = await upload(api, author.token, await plainImage('jpeg', 900, 600));
    const url = new URL(body.data!.media.url, originOf(api));
    expect(path.basename(url.pathname)).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const whole = await fetch(url);
    const etag = whole.headers.get('etag')!;
    const size = Number(whole.headers.get('content-length'));
    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request, as browsers' reloads do.
    expect(await statusOf(url, { 'if-none-match': etag })).toBe(304);
    expect(await statusOf(url, { 'if-modified-since': whole.headers.get('last-modified')! })).toBe(304);
    const unknown = await fetch(`${originOf(api)}/media/${'0'.repeat(32)}.jpg`);
    expect(unknown.status).toBe(404);
    expect(
      ((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    // The same image uploaded twice is the same files.
    const again = await upload(api, author.token, await plainImage('jpeg', 900, 600));
    expect(again.body.data!.media.url).toBe(body.data!.media.url);
  });

  it("the README's browser upload runs as written", async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const snippet = /```js upload-from-a-browser\n([\s\S]*?)```/.exec(readme)![1];
    const file = new File([new Uint8Array(await plainImage('webp', 400, 300))], 'ferry.webp', { type: 'image/webp' });
    const run = new Function(
      'fetch',
      'FormData',
      'file',
      'token',
      'apiOrigin',
      `return (async () => {${snippet}; return media; })();`,
    );
    const media = (await run(fetch, FormData, file, author.token, originOf(api))) as { width: number; alt: string };
    expect(media).toMatchObject({ width: 400, alt: 'A ferry in the harbour' });
  });

  it('keeps the files under DATA_DIR/media, and nothing in the upload folder', () => {
    expect(filesUnder(mediaDir).length).toBeGreaterThan(0);
    const left = filesUnder(path.join(dataDir, 'media-uploads'));
    expect(left.map((f) => fs.statSync(path.join(dataDir, 'media-uploads', f)).size)).toEqual([]);
  });
});
