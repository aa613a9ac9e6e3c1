import { loadConfig } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';
import { RawAnswer, rawGet } from './raw-http';

const FEEDS = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json'];
const ROUTES = [...FEEDS, '/sitemap.xml', '/sitemap-news.xml'];

/**
 * Issue 16, item 10: feeds and sitemaps made their links from the request's Host and
 * X-Forwarded-Proto unchecked, and read ?tag= and ?author= unchecked: a Host of `a b`, a NUL in
 * ?tag= answered 500 with a stack in the log, and X-Forwarded-Proto `javascript` wrote
 * `javascript://...` links into a publicly cacheable feed.
 */
describe('feeds and sitemaps refuse what they cannot use, plainly', () => {
  const logLines: Array<Record<string, unknown>> = [];
  let api: TestServer;
  beforeAll(async () => {
    // No PUBLIC_BASE_URL: links follow each request.
    api = await startTestServer({}, { logLines });
    const editor = await api.signUp(Role.EDITOR);
    await publishedPost(api, editor.token, { title: 'Tide tables', tags: ['harbour'] });
  });
  afterAll(() => api.close());

  const errorLines = () => logLines.filter((line) => Number(line.level) >= 50);
  const expectRefused = (answer: RawAnswer, message: RegExp) => {
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: expect.stringMatching(message) });
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(answer.body).not.toMatch(/\n\s+at |Error|javascript/i);
  };

  it.each(['a b', 'x<y>', 'news.example.com/evil', 'news.example.com:99999', 'news.example.com:', '[::1', '[zz::1]'])(
    'a Host of %j is 400 on every route, and nothing is logged as an error',
    async (host) => {
      for (const route of ROUTES) expectRefused(await rawGet(api.url, route, { host }), /Host header/);
      expect(errorLines()).toEqual([]);
    },
  );

  it.each(['a b', 'javascript', 'JavaScript', 'ftp', 'data'])(
    'an X-Forwarded-Proto of %j is 400 on every route, and no javascript: link is written',
    async (proto) => {
      for (const route of ROUTES) {
        expectRefused(await rawGet(api.url, route, { 'x-forwarded-proto': proto }), /http or https/);
      }
      expect(errorLines()).toEqual([]);
    },
  );

  it.each([
    ['a NUL in ?tag=', '?tag=har%00bour', /NUL/],
    ['a NUL in ?author=', '?author=a%00b', /NUL/],
    ['an overlong ?tag=', `?tag=${'t'.repeat(101)}`, /at most 100/],
    ['an overlong ?author=', `?author=${'a'.repeat(201)}`, /at most 200/],
    ['?tag= twice', '?tag=harbour&tag=ferries', /once/],
  ])('%s is 400 on every feed, and nothing is logged as an error', async (_case, query, message) => {
    for (const route of FEEDS) expectRefused(await rawGet(api.url, `${route}${query}`), message);
    expect(errorLines()).toEqual([]);
  });

  it('makes links of a good Host and scheme, and says that the answer varies with them', async () => {
    for (const host of ['news.example.com:8080', '[::1]:4000', '127.0.0.1', 'Broadsheet_web.internal.']) {
      const answer = await rawGet(api.url, '/feeds/feed.json?tag=Harbour', { host, 'x-forwarded-proto': 'HTTPS' });
      expect(answer.status).toBe(200);
      const feed = JSON.parse(answer.body) as { feed_url: string; items: Array<{ url: string }> };
      expect(feed.feed_url).toBe(`https://${host.toLowerCase()}/feeds/feed.json?tag=Harbour`);
      expect(feed.items.map((item) => new URL(item.url).protocol)).toEqual(['https:']);
      expect(answer.headers.vary?.split(/\s*,\s*/)).toEqual(expect.arrayContaining(['Host', 'X-Forwarded-Proto']));
    }
    const sitemap = await rawGet(api.url, '/sitemap.xml', { host: 'news.example.com' });
    expect(sitemap.body).toContain('<loc>http://news.example.com/posts/');
    // A 304 says so too, for a cache that revalidates.
    const again = await rawGet(api.url, '/sitemap.xml', {
      host: 'news.example.com',
      'if-none-match': String(sitemap.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toMatch(/Host, X-Forwarded-Proto/);
  });
});

describe('with PUBLIC_BASE_URL, feeds and sitemaps do not look at the Host', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ publicBaseUrl: 'https://news.example.com/' });
    const editor = await api.signUp(Role.EDITOR);
    await publishedPost(api, editor.token);
  });
  afterAll(() => api.close());

  it('answers whatever the Host and scheme, with links to the site and no Vary on them', async () => {
    for (const route of ROUTES) {
      const answer = await rawGet(api.url, route, { host: 'a b', 'x-forwarded-proto': 'javascript' });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('https://news.example.com/posts/');
      expect(answer.body).not.toContain('javascript');
      expect(answer.headers.vary ?? '').not.toMatch(/Host|Proto/);
    }
  });
});

describe('PUBLIC_BASE_URL', () => {
  it.each([
    'https://a b',
    'javascript://news.example.com',
    'https://user:secret@news.example.com',
    'https://x.com/?a=1',
  ])('%j stops the start, without repeating the value', (value) => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(
      /^PUBLIC_BASE_URL must be an http:\/\/ or https:\/\/ URL with no credentials, query or fragment, such as https:\/\/news\.example\.com$/,
    );
  });

  it('is optional in production too: links then follow each request, checked', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32) }).publicBaseUrl).toBeUndefined();
  });
});
