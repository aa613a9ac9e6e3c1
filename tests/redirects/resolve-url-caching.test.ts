import http from 'node:http';
import { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { CacheKey } from '../../src/domain/cache-keys';
import { Role } from '../../src/domain/enums';
import { DeleteRedirectDocument, ResolveUrlDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';
import { redirectsApi } from './redirects-api';

/** A purge endpoint (as Varnish xkey takes purges) that records the keys of each request. */
async function startPurgeRecorder() {
  const purges: string[][] = [];
  const server = http.createServer((req, res) => {
    purges.push(String(req.headers['xkey-purge'] ?? '').split(' '));
    req.resume().on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`,
    /** Waits until a purge names `key` (deadline 10 s, against hangs). */
    async purged(key: string): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (!purges.some((keys) => keys.includes(key))) {
        if (Date.now() > deadline) throw new Error(`no purge of ${key}; got ${JSON.stringify(purges)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let recorder: Awaited<ReturnType<typeof startPurgeRecorder>>;
let api: TestServer;
let editor: SignedIn;
let redirects: ReturnType<typeof redirectsApi>;
beforeAll(async () => {
  recorder = await startPurgeRecorder();
  ({ api, editor } = await startNewsroom(
    { editor: Role.EDITOR },
    { purge: { kind: 'http', url: recorder.url, method: 'PURGE', keysHeader: 'xkey-purge' } },
    { liveEvents: true },
  ));
  redirects = redirectsApi(api);
});
afterAll(async () => {
  await api.close();
  await recorder.close();
});

/** resolveUrl over GET, as a front end behind a CDN asks it: the outcome and what caches are told. */
async function read(path: string, token?: string) {
  const params = new URLSearchParams({ query: print(ResolveUrlDocument), variables: JSON.stringify({ path }) });
  const response = await fetch(`${api.url}?${params}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as {
    data: { resolveUrl: { post: { slug: string } | null; redirect: { location: string } | null } };
  };
  const { post, redirect } = body.data.resolveUrl;
  return {
    outcome: post ? `post:${post.slug}` : redirect ? `-> ${redirect.location}` : '404',
    cache: response.headers.get('x-broadsheet-cache'),
    cacheControl: response.headers.get('cache-control'),
    keys: (response.headers.get('surrogate-key') ?? '').split(' '),
  };
}

/**
 * Reads `path` until the response cache keeps its answer: the dispatcher hands the events of
 * earlier changes (a publish) round after they commit, and each drops what it names again.
 */
async function kept(path: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await read(path);
    if (answer.cache === 'hit') return answer;
    if (Date.now() > deadline) throw new Error(`the answer for ${path} is never kept`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('resolveUrl in caches (response cache and CDNs)', () => {
  it('anonymous answers are public, tagged with the path and the post shown; signed-in ones private', async () => {
    const post = await publishedPost(api, editor.token, { slug: 'quay-works' });
    const first = await read('/posts/quay-works/');
    expect(first).toMatchObject({ outcome: 'post:quay-works', cache: 'miss' });
    expect(first.cacheControl).toMatch(/^public, max-age=60\b/);
    expect(first.keys).toEqual(expect.arrayContaining([CacheKey.path('/posts/quay-works'), `post:${post.id}`]));
    expect((await kept('/posts/quay-works/')).outcome).toBe('post:quay-works');
    const signedIn = await read('/posts/quay-works/', editor.token);
    expect(signedIn).toMatchObject({ outcome: 'post:quay-works', cache: null, cacheControl: 'private, no-store' });
  });

  it('a slug change purges the answers of both paths: the next reads show the redirect and the post', async () => {
    const post = await publishedPost(api, editor.token, { slug: 'bridge-repairs' });
    expect(await kept('/posts/bridge-repairs')).toMatchObject({ outcome: 'post:bridge-repairs' });
    expect(await kept('/posts/bridge-repairs-finished')).toMatchObject({ outcome: '404' });

    await redirects.rename(post, 'bridge-repairs-finished', editor.token);
    expect(await read('/posts/bridge-repairs')).toMatchObject({
      outcome: '-> /posts/bridge-repairs-finished',
      cache: 'miss',
    });
    expect(await read('/posts/bridge-repairs-finished')).toMatchObject({
      outcome: 'post:bridge-repairs-finished',
      cache: 'miss',
    });
    await recorder.purged(CacheKey.path('/posts/bridge-repairs'));
    await recorder.purged(CacheKey.path('/posts/bridge-repairs-finished'));
  });

  it('making a redirect purges the 404 answered for its path; removing it purges the redirect', async () => {
    const post = await publishedPost(api, editor.token, { slug: 'ferry-timetable' });
    expect(await kept('/timetable')).toMatchObject({ outcome: '404' });

    const made = await redirects.createRedirect(
      { path: '/timetable', location: '/posts/ferry-timetable' },
      editor.token,
    );
    expect(await read('/timetable')).toMatchObject({ outcome: '-> /posts/ferry-timetable', cache: 'miss' });
    const cached = await kept('/timetable');
    expect(cached.keys).toEqual(expect.arrayContaining([CacheKey.path('/timetable'), `post:${post.id}`]));
    await recorder.purged(CacheKey.path('/timetable'));

    // Removed, a redirect to a post purges CDNs too (as a change of how readers reach the post).
    await api.gql(DeleteRedirectDocument, { id: made.id }, { token: editor.token });
    expect(await read('/timetable')).toMatchObject({ outcome: '404', cache: 'miss' });
  });

  it('removing a redirect to another site drops it from the response cache at once', async () => {
    const made = await redirects.createRedirect({ path: '/shop', location: 'https://shop.example.org/' }, editor.token);
    expect(await kept('/shop')).toMatchObject({ outcome: '-> https://shop.example.org/' });
    await api.gql(DeleteRedirectDocument, { id: made.id }, { token: editor.token });
    expect(await read('/shop')).toMatchObject({ outcome: '404', cache: 'miss' });
  });
});
