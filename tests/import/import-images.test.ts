import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Config } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { ImportedPostDocument, MediaLibraryDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { served } from '../media/media-helpers';
import { importConfig, postItem, rowCounts, runImportOf, sourcePost } from './import-helpers';

/** The old blog's image host: what it serves, and how often each path was asked for. */
let oldSite: http.Server;
let oldOrigin: string;
const asked = new Map<string, number>();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-images-'));
const overrides: Partial<Config> = {
  dataDir,
  media: {
    storage: { kind: 'local', dir: path.join(dataDir, 'media') },
    publicBaseUrl: undefined,
    maxBytes: 200_000,
    maxPixels: 50_000_000,
    widths: [320],
    aspectRatios: ['1:1'],
    concurrency: 2,
    uploadsInFlight: 4,
  },
};
let api: TestServer;
let editor: SignedIn;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();
  // Noise does not compress: well over MEDIA_MAX_BYTES (200 kB here).
  const huge = await sharp(Buffer.from(Array.from({ length: 600 * 600 * 3 }, () => Math.floor(Math.random() * 256))), {
    raw: { width: 600, height: 600, channels: 3 },
  })
    .png()
    .toBuffer();
  oldSite = http.createServer((req, res) => {
    asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1);
    if (req.url === '/images/harbour.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    else if (req.url === '/images/huge.png') res.writeHead(200, { 'content-type': 'image/png' }).end(huge);
    else if (req.url === '/images/page.jpg')
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>oops</html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => oldSite.listen(0, '127.0.0.1', resolve));
  oldOrigin = `http://127.0.0.1:${(oldSite.address() as AddressInfo).port}`;
  ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }, overrides));
});
afterAll(async () => {
  await api.close();
  await new Promise((resolve) => oldSite.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const body = (...names: string[]) =>
  names
    .map(
      (name) => `<p><img src="${oldOrigin}/images/${name}" srcset="${oldOrigin}/images/${name} 2x" alt="${name}"></p>`,
    )
    .join('');

async function bodyOf(slug: string): Promise<string> {
  return (await api.gql(ImportedPostDocument, { slug }, { token: editor.token })).data!.post!.body;
}

describe('--import-images', () => {
  // Made when the old site listens (its origin is in every URL).
  const items = () => [
    postItem(sourcePost('i1', { oldSlug: 'with-photo', bodyHtml: body('harbour.jpg', 'missing.jpg') })),
    postItem(sourcePost('i2', { oldSlug: 'same-photo', bodyHtml: body('harbour.jpg', 'huge.png', 'page.jpg') })),
  ];

  it('without the flag, images keep their URLs', async () => {
    await runImportOf(api, [postItem(sourcePost('i0', { oldSlug: 'left-alone', bodyHtml: body('harbour.jpg') }))]);
    expect(await bodyOf('left-alone')).toContain(`src="${oldOrigin}/images/harbour.jpg"`);
    expect(asked.size).toBe(0);
  });

  it('a dry run fetches and checks them, and stores nothing', async () => {
    const before = await rowCounts(api);
    const report = await runImportOf(api, items(), {
      dryRun: true,
      importImages: true,
      config: importConfig(overrides),
    });
    expect(report.images).toEqual({ fetched: 1, reused: 0, failed: 3 });
    expect(await rowCounts(api)).toEqual(before);
    asked.clear();
  });

  it('fetches each image once into the media library and points the body at it; a failed one keeps its URL', async () => {
    const report = await runImportOf(api, items(), { importImages: true, config: importConfig(overrides) });
    expect(report.images).toEqual({ fetched: 1, reused: 0, failed: 3 });
    expect(asked.get('/images/harbour.jpg')).toBe(1);
    expect(report.notes.map((note) => [note.sourceId, note.reason])).toEqual([
      [`${oldOrigin}/images/missing.jpg`, 'not fetched (answered 404): kept its old URL'],
      [`${oldOrigin}/images/huge.png`, 'not fetched (over MEDIA_MAX_BYTES (200000 bytes)): kept its old URL'],
      [`${oldOrigin}/images/page.jpg`, 'not fetched (not a JPEG, PNG, WebP, GIF or AVIF image): kept its old URL'],
    ]);

    const library = await api.gql(MediaLibraryDocument, { first: 10 }, { token: editor.token });
    expect(library.data!.mediaLibrary.totalCount).toBe(1);
    const first = await bodyOf('with-photo');
    const src = /<img src="([^"]+)" alt="harbour.jpg"/.exec(first)?.[1];
    expect(src).toMatch(/^\/media\//);
    expect(first).toContain(`<img src="${oldOrigin}/images/missing.jpg" srcset=`);
    expect(await bodyOf('same-photo')).toContain(`<img src="${src}" alt="harbour.jpg"`);
    const copy = await served(api, src!);
    expect([copy.response.status, copy.meta?.format, copy.meta?.width]).toEqual([200, 'jpeg', 640]);
  });

  it('a later run fetches only what failed, and changes no post whose images still fail', async () => {
    asked.clear();
    const before = await rowCounts(api);
    const report = await runImportOf(api, items(), { importImages: true, config: importConfig(overrides) });
    expect(asked.has('/images/harbour.jpg')).toBe(false);
    expect(asked.get('/images/missing.jpg')).toBe(1);
    expect(report.posts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await rowCounts(api)).toMatchObject({
      posts: before.posts,
      post_revisions: before.post_revisions,
      media: 1,
    });
  });
});
