import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { Role } from '../../src/domain/enums';
import { DeleteMediaDocument, MediaCropDocument, MediaItemDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { phoneJpeg, plainImage, served, upload } from './media-helpers';

// An S3-compatible server in this process (s3rver), spoken to over HTTP by the real AWS SDK.
let s3: S3rver;
let endpoint: string;
let api: TestServer;
let author: SignedIn;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-s3-'));

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(dataDir, 's3rver'),
    configureBuckets: [{ name: 'newsroom-media', configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  ({ api, author } = await startNewsroom(
    { author: Role.AUTHOR },
    {
      dataDir,
      media: {
        storage: {
          kind: 's3',
          bucket: 'newsroom-media',
          endpoint,
          region: 'us-east-1',
          accessKeyId: 'S3RVER',
          secretAccessKey: 'S3RVER',
          forcePathStyle: true,
        },
        publicBaseUrl: undefined,
        maxBytes: 5 * 1024 * 1024,
        maxPixels: 50_000_000,
        widths: [320, 640],
        aspectRatios: ['16:9'],
        concurrency: 2,
        uploadsInFlight: 8,
      },
    },
  ));
});
afterAll(async () => {
  await api.close();
  await s3.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const objectsIn = () =>
  (fs.readdirSync(path.join(dataDir, 's3rver', 'newsroom-media'), { recursive: true }) as string[]).filter((entry) =>
    entry.endsWith('._S3rver_object'),
  );

describe('media on an S3-compatible bucket', () => {
  it('stores the original and renditions in the bucket, served from it upright, without EXIF, cached for a year', async () => {
    const { status, body } = await upload(api, author.token, await phoneJpeg());
    expect(status).toBe(201);
    const media = body.data!.media;
    expect(media.url.startsWith(`${endpoint}/newsroom-media/`)).toBe(true);
    const original = await served(api, media.url);
    expect(original.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(original.response.headers.get('content-type')).toBe('image/jpeg');
    expect(original.meta).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    expect(original.meta!.exif).toBeUndefined();
    const { data } = await api.gql(MediaItemDocument, { id: media.id }, { token: author.token });
    for (const rendition of data!.media!.renditions) {
      expect(rendition.url.startsWith(`${endpoint}/newsroom-media/`)).toBe(true);
      expect((await served(api, rendition.url)).meta).toMatchObject({
        width: rendition.width,
        height: rendition.height,
      });
    }
    expect(data!.media!.webp).toContain(`${endpoint}/newsroom-media/`);
  });

  it('makes crops from the original in the bucket, and deleteMedia removes every file from it', async () => {
    const { body } = await upload(api, author.token, await plainImage('png', 900, 700));
    const id = body.data!.media.id;
    const crop = await api.gql(MediaCropDocument, { id, aspectRatio: '16:9', width: 640 }, { token: author.token });
    expect(crop.data!.media!.crop).toMatchObject({ width: 640, height: 360 });
    expect((await served(api, crop.data!.media!.crop.url)).meta).toMatchObject({
      format: 'webp',
      width: 640,
      height: 360,
    });
    const before = objectsIn().length;
    expect((await api.gql(DeleteMediaDocument, { id }, { token: author.token })).data!.deleteMedia).toBe(true);
    // The original, 2 widths x 3 formats, and the crop.
    expect(before - objectsIn().length).toBe(8);
    expect((await served(api, body.data!.media.url)).response.status).toBe(404);
  });
});
