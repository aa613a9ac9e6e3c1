import { TestServer, startTestServer } from '../helpers/test-server';

const SITE = 'https://news.example';
const APP = 'https://app.news.example';

/** What a web app on another origin can do: preflights it can cache, headers it can read. */
describe('CORS for browser clients', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ corsOrigin: `${SITE}, ${APP}` });
  });
  afterAll(() => api.close());

  const base = () => api.url.replace(/\/graphql$/, '');
  const exposed = (response: Response) =>
    (response.headers.get('access-control-expose-headers') ?? '').split(/\s*,\s*/).map((name) => name.toLowerCase());

  it.each(['/graphql', '/graphql/stream', '/feeds/rss.xml'])(
    'a preflight to %s is answered for the site, cacheable for two hours, with the headers it may read',
    async (path) => {
      const preflight = await fetch(`${base()}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: SITE,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(preflight.headers.get('access-control-max-age')).toBe('7200');
      expect(preflight.headers.get('access-control-allow-headers')).toBe(
        'authorization, content-type, idempotency-key',
      );
      expect(exposed(preflight)).toEqual(expect.arrayContaining(['x-request-id', 'x-broadsheet-cache']));
    },
  );

  it('a cross-origin answer lets browser code read its request id and whether the cache answered', async () => {
    const query = encodeURIComponent('{ tags { tag } }');
    const answer = await fetch(`${api.url}?query=${query}`, { headers: { origin: SITE } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(exposed(answer)).toEqual(
      expect.arrayContaining(['x-request-id', 'x-broadsheet-cache', 'idempotent-replayed', 'retry-after']),
    );
    expect(answer.headers.get('x-request-id')).toBeTruthy();
    expect(answer.headers.get('x-broadsheet-cache')).toMatch(/^(hit|miss)$/);

    const feed = await fetch(`${base()}/feeds/feed.json`, { headers: { origin: SITE } });
    expect(exposed(feed)).toEqual(expect.arrayContaining(['x-request-id', 'etag']));
  });

  it('a public answer for one listed origin is kept by shared caches for that origin only (Vary: Origin), miss and hit', async () => {
    const query = encodeURIComponent('{ featuredPosts(limit: 2) { id } }');
    for (const origin of [SITE, SITE, APP]) {
      const answer = await fetch(`${api.url}?query=${query}`, { headers: { origin } });
      expect(answer.headers.get('cache-control')).toMatch(/^public/);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect((answer.headers.get('vary') ?? '').split(/\s*,\s*/)).toEqual(
        expect.arrayContaining(['Accept', 'Authorization', 'Origin']),
      );
    }
  });

  it('CORS_ORIGIN lists origins: each listed one gets its own back, another none', async () => {
    const preflightFrom = (origin: string) =>
      fetch(api.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflightFrom(APP)).headers.get('access-control-allow-origin')).toBe(APP);
    const stranger = await preflightFrom('https://elsewhere.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('vary')).toMatch(/Origin/);
  });
});
