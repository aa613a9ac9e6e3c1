import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Role } from '../../src/domain/enums';
import {
  DeleteMediaDocument,
  MediaCropDocument,
  MediaItemDocument,
  MediaLibraryDocument,
  MediaNodeDocument,
  PostCoverDocument,
  SetPostCoverDocument,
  UpdateMediaDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { filesUnder, plainImage, served, upload } from './media-helpers';

let api: TestServer;
let owner: SignedIn;
let otherAuthor: SignedIn;
let editor: SignedIn;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-library-'));
const mediaDir = path.join(dataDir, 'media');

beforeAll(async () => {
  ({ api, owner, otherAuthor, editor } = await startNewsroom(
    { owner: Role.AUTHOR, otherAuthor: Role.AUTHOR, editor: Role.EDITOR },
    {
      dataDir,
      media: {
        storage: { kind: 'local', dir: mediaDir },
        publicBaseUrl: undefined,
        maxBytes: 5 * 1024 * 1024,
        maxPixels: 50_000_000,
        widths: [320, 640],
        aspectRatios: ['1:1', '16:9'],
        concurrency: 2,
        uploadsInFlight: 8,
      },
    },
  ));
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function uploaded(fields: Record<string, string> = {}, name = 'photo.jpg', width = 800) {
  const answer = await upload(api, owner.token, await plainImage('jpeg', width, 600), { name, fields });
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return answer.body.data!.media;
}

describe('the media library over GraphQL', () => {
  it('readers see an image only while a live post uses it as its cover; staff see every image', async () => {
    const media = await uploaded({ alt: 'Quay at night' });
    expect((await api.gql(MediaItemDocument, { id: media.id })).data!.media).toBeNull();
    expect((await api.gql(MediaItemDocument, { id: media.id }, { token: otherAuthor.token })).data!.media!.alt).toBe(
      'Quay at night',
    );
    const post = await publishedPost(api, owner.token, { coverMediaId: media.id });
    const cover = (await api.gql(PostCoverDocument, { id: post.id })).data!.post!.cover!;
    expect(cover).toMatchObject({ id: media.id, alt: 'Quay at night', url: media.url });
    expect(cover.srcset).toMatch(/^\/media\/[0-9a-f]{32}-320\.webp 320w, \/media\/[0-9a-f]{32}-640\.webp 640w$/);
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ media(id: "${media.id}") { id uploadedBy { name } } }` }),
    });
    expect(((await response.json()) as { data: { media: { id: string } } }).data.media.id).toBe(media.id);
    expect(response.headers.get('surrogate-key')).toContain(`media:${media.id}`);
    expect((await api.gql(MediaNodeDocument, { id: media.id })).data!.node).toEqual({ id: media.id, width: 800 });
  });

  it('a cover is set, shown and removed through updatePost; an unknown media id is NOT_FOUND', async () => {
    const media = await uploaded();
    const draft = await draftPost(api, owner.token);
    const set = await api.gql(
      SetPostCoverDocument,
      { id: draft.id, expectedVersion: draft.version, coverMediaId: media.id },
      { token: owner.token },
    );
    expect(set.data!.updatePost.cover).toEqual({ id: media.id });
    const removed = await api.gql(
      SetPostCoverDocument,
      { id: draft.id, expectedVersion: set.data!.updatePost.version, coverMediaId: null },
      { token: owner.token },
    );
    expect(removed.data!.updatePost.cover).toBeNull();
    const gone = Buffer.from('Media:00000000-0000-4000-8000-000000000000').toString('base64url');
    const unknown = await api.gql(
      SetPostCoverDocument,
      { id: draft.id, expectedVersion: removed.data!.updatePost.version, coverMediaId: gone },
      { token: owner.token },
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('mediaLibrary: staff only, newest first, searched by alt, caption, credit and file name, in pages', async () => {
    await uploaded({ alt: 'Lighthouse keeper' }, 'keeper.jpg');
    await uploaded({ caption: 'The 100% lighthouse' }, 'beam.jpg');
    await uploaded({ credit: 'Lighthouse Trust' }, 'trust.jpg');
    await uploaded({}, 'old-lighthouse.jpg');
    expect(errorCode(await api.gql(MediaLibraryDocument, { search: 'lighthouse' }))).toBe('UNAUTHENTICATED');
    const first = await api.gql(MediaLibraryDocument, { search: 'LIGHTHOUSE', first: 3 }, { token: otherAuthor.token });
    expect(first.data!.mediaLibrary.totalCount).toBe(4);
    expect(first.data!.mediaLibrary.nodes.map((m) => m.alt)).toEqual([null, null, null]);
    const after = first.data!.mediaLibrary.pageInfo.endCursor;
    const second = await api.gql(
      MediaLibraryDocument,
      { search: 'lighthouse', first: 3, after },
      { token: otherAuthor.token },
    );
    expect(second.data!.mediaLibrary.nodes.map((m) => m.alt)).toEqual(['Lighthouse keeper']);
    expect(second.data!.mediaLibrary.pageInfo.hasNextPage).toBe(false);
    const percent = await api.gql(MediaLibraryDocument, { search: '100%' }, { token: editor.token });
    expect(percent.data!.mediaLibrary.totalCount).toBe(1);
  });

  it('updateMedia: the uploader and editors may, other authors are FORBIDDEN; focal points are 0..1', async () => {
    const media = await uploaded();
    const input = { alt: 'Ferry', credit: 'Ana Lopes', focalPoint: { x: 0.25, y: 0.75 } };
    expect(errorCode(await api.gql(UpdateMediaDocument, { id: media.id, input }, { token: otherAuthor.token }))).toBe(
      'FORBIDDEN',
    );
    const mine = await api.gql(UpdateMediaDocument, { id: media.id, input }, { token: owner.token });
    if (!mine.data) throw new Error(JSON.stringify(mine.errors));
    expect(mine.data!.updateMedia).toMatchObject({
      alt: 'Ferry',
      credit: 'Ana Lopes',
      focalPoint: { x: 0.25, y: 0.75 },
    });
    const edited = await api.gql(
      UpdateMediaDocument,
      { id: media.id, input: { caption: 'At the quay', alt: null } },
      { token: editor.token },
    );
    expect(edited.data!.updateMedia).toMatchObject({ alt: null, caption: 'At the quay', credit: 'Ana Lopes' });
    const outside = await api.gql(
      UpdateMediaDocument,
      { id: media.id, input: { focalPoint: { x: 1.5, y: 0 } } },
      { token: owner.token },
    );
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
  });

  it('crop: made around the focal point on first request, kept, served at its size; other ratios are refused', async () => {
    // Left half red, right half blue: a square crop around a focal point on the right is blue.
    const left = await sharp({ create: { width: 400, height: 600, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const image = await sharp({ create: { width: 1600, height: 600, channels: 3, background: '#0000ff' } })
      .composite([{ input: left, left: 0, top: 0 }])
      .jpeg()
      .toBuffer();
    const media = (await upload(api, owner.token, image)).body.data!.media;
    await api.gql(
      UpdateMediaDocument,
      { id: media.id, input: { focalPoint: { x: 0.9, y: 0.5 } } },
      { token: owner.token },
    );
    const ask = (aspectRatio: string, width: number, format?: 'JPEG' | 'PNG' | 'WEBP' | 'AVIF') =>
      api.gql(MediaCropDocument, { id: media.id, aspectRatio, width, format }, { token: owner.token });
    const crop = (await ask('1:1', 500)).data!.media!.crop;
    expect(crop).toMatchObject({ width: 320, height: 320, format: 'WEBP' });
    const file = await served(api, crop.url);
    expect(file.meta).toMatchObject({ format: 'webp', width: 320, height: 320 });
    const { data } = await sharp(file.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(200);
    expect(data[0]).toBeLessThan(60);
    expect((await ask('1:1', 500)).data!.media!.crop.url).toBe(crop.url);
    const wide = (await ask('16:9', 5000, 'AVIF')).data!.media!.crop;
    expect(wide).toMatchObject({ width: 1067, height: 600, format: 'AVIF' });
    expect((await served(api, wide.url)).meta).toMatchObject({ width: 1067, height: 600 });
    const [{ count }] = (await api.db.query(
      `SELECT count(*)::int AS count FROM media_renditions WHERE aspect_ratio <> ''`,
    )) as Array<{ count: number }>;
    expect(count).toBe(2);
    expect(errorCode(await ask('4:3', 640))).toBe('BAD_USER_INPUT');
  });

  it('deleteMedia: CONFLICT while a post uses it as its cover; then its row and files go', async () => {
    const media = await uploaded({}, 'doomed.jpg', 1000);
    const post = await draftPost(api, owner.token, { coverMediaId: media.id });
    const before = filesUnder(mediaDir);
    expect(errorCode(await api.gql(DeleteMediaDocument, { id: media.id }, { token: owner.token }))).toBe('CONFLICT');
    await api.gql(
      SetPostCoverDocument,
      { id: post.id, expectedVersion: post.version, coverMediaId: null },
      { token: owner.token },
    );
    expect(errorCode(await api.gql(DeleteMediaDocument, { id: media.id }, { token: otherAuthor.token }))).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(DeleteMediaDocument, { id: media.id }, { token: editor.token })).data!.deleteMedia).toBe(
      true,
    );
    expect((await api.gql(MediaItemDocument, { id: media.id }, { token: editor.token })).data!.media).toBeNull();
    expect(before.length - filesUnder(mediaDir).length).toBe(7);
    expect((await served(api, media.url)).response.status).toBe(404);
  });

  it('records media.created, media.updated and media.deleted events with the media key', async () => {
    const rows = (await api.db.query(
      `SELECT type, cache_keys AS "cacheKeys" FROM events WHERE type LIKE 'media.%' ORDER BY seq`,
    )) as Array<{ type: string; cacheKeys: string[] }>;
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(['media.created', 'media.updated', 'media.deleted']));
    for (const row of rows) expect(row.cacheKeys[0]).toMatch(/^media:/);
  });
});
