import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import { CacheTagHeaders } from '../../src/setting-values';
import { PostsDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

/**
 * CACHE_TAG_HEADERS: a deployment sends only the cache-tag headers its CDN reads (Fastly and
 * Varnish read Surrogate-Key, Cloudflare Cache-Tag), or none without a CDN; each holds every
 * key of an answer, so the ones nobody reads are bytes on every public answer for nothing.
 */
describe.each<[CacheTagHeaders, { surrogateKey: boolean; cacheTag: boolean }]>([
  ['both', { surrogateKey: true, cacheTag: true }],
  ['surrogate-key', { surrogateKey: true, cacheTag: false }],
  ['cache-tag', { surrogateKey: false, cacheTag: true }],
  ['none', { surrogateKey: false, cacheTag: false }],
])('CACHE_TAG_HEADERS=%s', (setting, expected) => {
  let api: TestServer;
  let postKey: string;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR }, { cacheTagHeaders: setting });
    api = newsroom.api;
    postKey = `post:${(await publishedPost(api, newsroom.editor.token)).id}`;
  });
  afterAll(() => api.close());

  const tagsOf = (response: Response) => ({
    surrogateKey: response.headers.get('surrogate-key'),
    cacheTag: response.headers.get('cache-tag'),
  });

  it('names what a public answer holds in those headers only, fresh and from the response cache alike', async () => {
    const url = `${api.url}?${new URLSearchParams({ query: print(PostsDocument), variables: '{"first":5}' })}`;
    for (const cache of ['miss', 'hit']) {
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-broadsheet-cache')).toBe(cache);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=30');
      const { surrogateKey, cacheTag } = tagsOf(answer);
      expect(surrogateKey === null ? null : surrogateKey.split(' ').sort()).toEqual(
        expected.surrogateKey ? ['list:post', postKey] : null,
      );
      expect(cacheTag === null ? null : cacheTag.split(',').sort()).toEqual(
        expected.cacheTag ? ['list:post', postKey] : null,
      );
    }
  });

  it('does the same on feeds', async () => {
    const feed = await fetch(api.url.replace('/graphql', '/feeds/rss.xml'));
    expect(feed.status).toBe(200);
    const { surrogateKey, cacheTag } = tagsOf(feed);
    expect(surrogateKey !== null).toBe(expected.surrogateKey);
    expect(cacheTag !== null).toBe(expected.cacheTag);
    expect(surrogateKey ?? cacheTag ?? postKey).toContain(postKey);
  });
});
