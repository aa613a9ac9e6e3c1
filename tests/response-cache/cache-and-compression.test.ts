import { createHash } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import {
  FeaturedPostsDocument,
  MeDocument,
  PostByIdDocument,
  PostBySlugDocument,
  PostsDocument,
  SetFeaturedDocument,
  TagsDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, before any decoding. */
  raw: Buffer;
}

/** One request with exactly these headers (fetch would add and undo Accept-Encoding itself). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, raw: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const decoded = (answer: RawAnswer): { data?: Record<string, unknown>; errors?: unknown[] } => {
  const encoding = answer.headers['content-encoding'];
  const text =
    encoding === 'br'
      ? zlib.brotliDecompressSync(answer.raw)
      : encoding === 'gzip'
        ? zlib.gunzipSync(answer.raw)
        : answer.raw;
  return JSON.parse(text.toString());
};

/** Delivery as a browser, a CDN and a mobile client see it: cache headers, GET, compression. */
describe('delivery of GraphQL answers', () => {
  let api: TestServer;
  let editor: string;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR });
    api = newsroom.api;
    editor = newsroom.editor.token;
    for (let i = 0; i < 5; i += 1) await publishedPost(api, editor, { tags: ['harbour'] });
  });
  afterAll(() => api.close());

  const get = (document: Parameters<typeof print>[0], variables?: unknown, headers: Record<string, string> = {}) => {
    const params = new URLSearchParams({ query: print(document) });
    if (variables) params.set('variables', JSON.stringify(variables));
    return request(`${api.url}?${params}`, { headers });
  };
  const post = (document: Parameters<typeof print>[0], variables?: unknown, headers: Record<string, string> = {}) =>
    request(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: print(document), variables }),
    });

  it('lets shared caches keep an anonymous answer of public content, varying on Authorization', async () => {
    for (const answer of [await get(TagsDocument), await post(PostsDocument, { first: 5 })]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=30');
      expect(answer.headers.vary).toMatch(/Authorization/);
    }
  });

  it('keeps signed-in answers, viewer-dependent fields, errors and mutations out of shared caches', async () => {
    const signedIn = await get(TagsDocument, undefined, { authorization: `Bearer ${editor}` });
    const me = await get(MeDocument);
    const failed = await get(PostsDocument, { first: -1 });
    const { data } = decoded(await post(PostsDocument, { first: 1 }));
    const postId = (data as { posts: { edges: Array<{ node: { id: string } }> } }).posts.edges[0].node.id;
    const mutation = await post(
      SetFeaturedDocument,
      { id: postId, featured: true },
      { authorization: `Bearer ${editor}` },
    );
    expect(decoded(me).data).toEqual({ me: null });
    expect(decoded(mutation).data).toBeTruthy();
    for (const answer of [signedIn, me, failed, mutation]) {
      expect(answer.headers['cache-control']).toBe('private, no-store');
    }
  });

  const keysOf = (answer: RawAnswer) => {
    const surrogate = String(answer.headers['surrogate-key']).split(' ').sort();
    // Cloudflare's header carries the same keys, comma-separated.
    expect(String(answer.headers['cache-tag']).split(',').sort()).toEqual(surrogate);
    return surrogate;
  };

  it("tags a feed page with the list key and each post's and author's key, as the API serves their ids", async () => {
    const feed = await get(PostsDocument, { first: 3, filter: { tag: 'Harbour' } });
    const { posts } = decoded(feed).data as { posts: { edges: Array<{ node: { id: string } }> } };
    const postKeys = posts.edges.map(({ node }) => `post:${node.id}`);
    expect(keysOf(feed)).toEqual(['list:post', 'tag:harbour', ...postKeys].sort());

    const single = await get(PostByIdDocument, { id: posts.edges[0].node.id });
    const { post } = decoded(single).data as { post: { id: string; author: { id: string } } };
    expect(keysOf(single)).toEqual([`author:${post.author.id}`, `post:${post.id}`].sort());

    const featured = await get(FeaturedPostsDocument, { limit: 2 });
    expect(keysOf(featured)).toEqual(expect.arrayContaining(['featured', 'list:post']));
  });

  it('carries any tag in its keys, percent-encoded, fresh and from the response cache alike', async () => {
    for (const cache of ['miss', 'hit']) {
      const answer = await get(PostsDocument, { first: 2, filter: { tag: '北京, news' } });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-broadsheet-cache']).toBe(cache);
      expect(keysOf(answer)).toEqual(['list:post', `tag:${encodeURIComponent('北京, news')}`]);
    }
  });

  it('survives half a UTF-16 pair in a tag (encodeURIComponent would throw)', async () => {
    const answer = await get(PostsDocument, { first: 1, filter: { tag: 'x\uD800' } });
    expect(answer.status).toBe(200);
    expect(keysOf(answer)).toEqual(['list:post', 'tag:x%EF%BF%BD']);
  });

  it('tags an answer that found nothing with what would change it', async () => {
    const missing = await get(PostBySlugDocument, { slug: 'not-written-yet' });
    expect(decoded(missing).data).toEqual({ post: null });
    expect(keysOf(missing)).toEqual(['list:post']);
  });

  it('answers queries over GET with no special headers (a CDN can cache them), and refuses mutations over GET', async () => {
    const answer = await get(TagsDocument);
    expect(decoded(answer).data).toEqual({ tags: [expect.objectContaining({ tag: 'harbour', count: 5 })] });
    const mutation = await get(SetFeaturedDocument, { id: 'UG9zdDp4', featured: true });
    expect(mutation.status).toBe(405);
  });

  it('answers persisted queries (APQ) over GET, so a CDN caches them by a short URL', async () => {
    const query = print(TagsDocument);
    const extensions = JSON.stringify({
      persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
    });
    const byHash = `${api.url}?${new URLSearchParams({ extensions, variables: '{"limit":2}' })}`;
    expect(decoded(await request(byHash)).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) }),
    ]);
    // Registered by a first GET carrying the query too, as Apollo Client's persisted-query link does.
    await request(`${api.url}?${new URLSearchParams({ query, extensions, variables: '{"limit":2}' })}`);
    const answer = await request(byHash);
    expect(decoded(answer).data).toEqual({ tags: [expect.objectContaining({ tag: 'harbour' })] });
    expect(answer.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=30');
  });

  it('compresses answers over 1 KB with brotli or gzip as the client accepts, and small ones not at all', async () => {
    const variables = { first: 5 };
    const plain = await post(PostsDocument, variables);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.length).toBeGreaterThan(1024);
    const br = await post(PostsDocument, variables, { 'accept-encoding': 'br' });
    const gzip = await post(PostsDocument, variables, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.raw.length).toBeLessThan(plain.raw.length / 2);
    expect(decoded(br)).toEqual(JSON.parse(plain.raw.toString()));
    expect(decoded(gzip)).toEqual(JSON.parse(plain.raw.toString()));
    expect(br.headers.vary).toMatch(/Accept-Encoding/);

    // Twice: answered afresh, then from the response cache.
    for (const cache of ['miss', 'hit']) {
      const small = await get(TagsDocument, { limit: 3 }, { 'accept-encoding': 'br, gzip' });
      expect(small.headers['x-broadsheet-cache']).toBe(cache);
      expect(small.raw.length).toBeLessThan(1024);
      expect(small.headers['content-encoding']).toBeUndefined();
    }
  });
});
