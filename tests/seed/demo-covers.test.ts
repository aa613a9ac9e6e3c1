import sharp from 'sharp';
import { PostCoversDocument } from '../generated/operations';
import { query, serverDataDir, startServer } from '../helpers/server-process';

/**
 * A newcomer's first `npm start` shows covers: the demo seeding draws a few images and stores
 * them as uploads are stored, so their renditions are real files the server answers with.
 */
describe('the demo content of a first `npm start`', () => {
  const dataDir = serverDataDir('broadsheet-demo-covers-');

  it('gives several published posts cover images whose renditions are served as images', async () => {
    const server = await startServer(dataDir);
    try {
      const origin = server.url.replace(/\/graphql$/, '');
      const { posts } = await query(server.url, PostCoversDocument, { first: 50 });
      const covers = posts.nodes.flatMap((post) => (post.cover ? [post.cover] : []));
      expect(covers.length).toBeGreaterThanOrEqual(5);
      expect(server.output()).toMatch(/5 cover images/);
      for (const cover of covers) {
        expect(cover).toMatchObject({ width: 1280, height: 720, credit: expect.stringMatching(/demo/) });
        expect(cover.alt!.length).toBeGreaterThan(10);
        const formats = new Set(cover.renditions.map((rendition) => rendition.format));
        expect([...formats].sort()).toEqual(['AVIF', 'JPEG', 'WEBP']);
      }
      // Every file of one cover, and the original of each: answered 200 with the image they name.
      const files = [...covers[0].renditions, ...covers.map((cover) => ({ ...cover, format: 'JPEG' }))];
      for (const file of files) {
        const response = await fetch(new URL(file.url, origin));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(`image/${file.format.toLowerCase()}`);
        const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
        expect({ width: meta.width, height: meta.height }).toEqual({ width: file.width, height: file.height });
        expect(meta.format).toBe({ JPEG: 'jpeg', WEBP: 'webp', AVIF: 'heif' }[file.format]);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 90_000);
});
