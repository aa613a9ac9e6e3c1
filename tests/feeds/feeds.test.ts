import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { Role } from '../../src/domain/enums';
import { AuthorLookupDocument, PostByIdDocument, UnpublishPostDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

type Published = Awaited<ReturnType<typeof publishedPost>>;

/** The feeds and sitemaps as a feed reader and a search engine read them, with independent parsers. */
describe('feeds and sitemaps', () => {
  let api: TestServer;
  let base: string;
  let editor: { id: string; token: string };
  let authorSlug: string;
  /** Newest first, as the feeds list them. */
  const live: Published[] = [];
  let bodies: Map<string, string>;
  let old: Published;
  let draftId: string;

  beforeAll(async () => {
    const newsroom = await startNewsroom(
      { editor: { role: Role.EDITOR, name: "Inês O'Costa" }, other: { role: Role.EDITOR, name: 'Rui Mar' } },
      { publicBaseUrl: 'https://news.example.com', siteTitle: 'Harbour Herald' },
    );
    ({ api, editor } = newsroom);
    const { other } = newsroom;
    base = api.url.replace('/graphql', '');
    // Three days ago: in the feeds and the sitemap, not in the news sitemap (48 hours).
    old = await publishedPost(
      api,
      editor.token,
      { title: 'Old news', tags: ['harbour'] },
      new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
    );
    live.push(await publishedPost(api, other.token, { title: 'Ferry & tide times', tags: ['ferries'] }));
    live.push(
      await publishedPost(api, editor.token, {
        title: 'Seals return to the <quay>',
        tags: ['harbour', 'wildlife'],
        source: 'Port Authority',
        coverImageUrl: 'https://img.example.com/seals.png',
        body: '<p>Seals <em>are back</em>.</p>',
      }),
    );
    live.reverse();
    live.push(old);
    draftId = (await draftPost(api, editor.token, { title: 'Not yet' })).id;
    bodies = new Map();
    for (const post of live) {
      const { data } = await api.gql(PostByIdDocument, { id: post.id });
      bodies.set(post.id, data!.post!.body);
    }
    const { data } = await api.gql(AuthorLookupDocument, { id: editor.id });
    authorSlug = data!.author!.slug;
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const urlOf = (post: Published) => `https://news.example.com/posts/${post.slug}`;

  it.each([
    ['/feeds/rss.xml', 'application/rss+xml'],
    ['/feeds/atom.xml', 'application/atom+xml'],
  ])('%s lists every live post, newest first, in full, with author, tags, source and cover', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    const feed = parseFeed(await response.text());
    expect(feed.title).toBe('Harbour Herald');
    expect(feed.items.map((item) => item.url)).toEqual(live.map(urlOf));
    expect(feed.items.map((item) => item.title)).not.toContain('Not yet');
    for (const [i, item] of feed.items.entries()) {
      const post = live[i];
      expect(item.title).toBe(post.title);
      expect(item.content).toContain(bodies.get(post.id));
      expect(item.categories.map((category) => category.term ?? category.label).sort()).toEqual([...post.tags].sort());
      expect(item.authors.map((author) => author.name)).toEqual([post.author.name]);
      // RSS dates count whole seconds.
      expect(Math.floor(item.published!.getTime() / 1000)).toBe(Math.floor(Date.parse(post.publishedAt!) / 1000));
    }
    const seals = feed.items[0];
    expect(seals.content).toContain('Source: Port Authority');
    expect(seals.media.map((media) => media.url)).toEqual(['https://img.example.com/seals.png']);
  });

  it('/feeds/feed.json is JSON Feed 1.1 with the same items', async () => {
    const response = await get('/feeds/feed.json');
    expect(response.headers.get('content-type')).toContain('application/feed+json');
    const feed = (await response.json()) as {
      version: string;
      feed_url: string;
      items: Array<Record<string, unknown> & { authors: Array<{ name: string }> }>;
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://news.example.com/feeds/feed.json');
    expect(feed.items.map((item) => item.url)).toEqual(live.map(urlOf));
    for (const [i, item] of feed.items.entries()) {
      expect(item).toMatchObject({
        title: live[i].title,
        date_published: live[i].publishedAt,
        tags: live[i].tags,
        authors: [{ name: live[i].author.name }],
      });
      expect(item.content_html).toContain(bodies.get(live[i].id));
    }
    expect(feed.items[0]).toMatchObject({
      image: 'https://img.example.com/seals.png',
      _broadsheet: { source: 'Port Authority' },
    });
  });

  it('filters by ?tag= and by ?author=<slug>, and says 404 for an unknown author', async () => {
    const byTag = parseFeed(await (await get('/feeds/rss.xml?tag=Harbour')).text());
    expect(byTag.items.map((item) => item.url)).toEqual([urlOf(live[0]), urlOf(old)]);
    const byAuthor = parseFeed(await (await get(`/feeds/atom.xml?author=${authorSlug}`)).text());
    expect(byAuthor.items.map((item) => item.url)).toEqual([urlOf(live[0]), urlOf(old)]);
    // Written once, as text: not O&#39;Costa.
    expect(byAuthor.title).toBe("Harbour Herald: Inês O'Costa");
    expect((await get('/feeds/feed.json?author=nobody-at-all')).status).toBe(404);
    // A browser app on another origin may read them (CORS preflight included).
    const preflight = await fetch(`${base}/feeds/feed.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sitemap.xml lists every live post; the news sitemap the last 48 hours', async () => {
    const xml = new XMLParser({ isArray: (name) => name === 'url' });
    const map = xml.parse(await (await get('/sitemap.xml')).text()) as {
      urlset: { url: Array<{ loc: string; lastmod: string }> };
    };
    expect(map.urlset.url.map((url) => url.loc)).toEqual(live.map(urlOf));
    expect(map.urlset.url.every((url) => !Number.isNaN(Date.parse(url.lastmod)))).toBe(true);

    const news = xml.parse(await (await get('/sitemap-news.xml')).text()) as {
      urlset: { url: Array<{ loc: string; 'news:news': Record<string, unknown> }> };
    };
    expect(news.urlset.url.map((url) => url.loc)).toEqual(live.slice(0, 2).map(urlOf));
    expect(news.urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Harbour Herald', 'news:language': 'en' },
      'news:publication_date': live[0].publishedAt,
      'news:title': 'Seals return to the <quay>',
    });
  });

  it('answers 304 to a request that has the current version, and 200 again after a change', async () => {
    const first = await get('/feeds/rss.xml');
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=30');
    expect(first.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining(['list:post', ...live.map((post) => `post:${post.id}`)]),
    );
    // Node's fetch adds Cache-Control: no-cache to conditional requests, as browsers do.
    expect((await get('/feeds/rss.xml', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/feeds/rss.xml', { 'if-modified-since': modified })).status).toBe(304);

    // Taking a post down changes the feed, though no remaining post changed.
    await new Promise((resolve) => setTimeout(resolve, 1000)); // Last-Modified counts whole seconds
    await api.gql(UnpublishPostDocument, { id: live[1].id }, { token: editor.token });
    const again = await get('/feeds/rss.xml', { 'if-none-match': etag });
    expect(again.status).toBe(200);
    expect((await get('/feeds/rss.xml', { 'if-modified-since': modified })).status).toBe(200);
    expect(parseFeed(await again.text()).items.map((item) => item.url)).not.toContain(urlOf(live[1]));
    expect(draftId).toBeDefined();
  });

  it('keeps a title that looks like XML a title, in RSS and Atom', async () => {
    const title = 'Breaking]]><x/><![CDATA[ & <b>bold</b>';
    await publishedPost(api, editor.token, { title });
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml']) {
      const xml = await (await get(path)).text();
      expect(xml).not.toContain('<x/>');
      expect(parseFeed(xml).items[0].title).toBe(title);
    }
  });
});
