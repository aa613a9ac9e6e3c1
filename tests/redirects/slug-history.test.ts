import { CacheKey } from '../../src/domain/cache-keys';
import { Role } from '../../src/domain/enums';
import {
  CreatePostDocument,
  DeletePostDocument,
  PublishPostDocument,
  UnpublishPostDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { redirectsApi } from './redirects-api';

let api: TestServer;
let author: SignedIn;
let otherAuthor: SignedIn;
let editor: SignedIn;
let redirects: ReturnType<typeof redirectsApi>;
beforeAll(async () => {
  ({ api, author, otherAuthor, editor } = await startNewsroom({
    author: Role.AUTHOR,
    otherAuthor: Role.AUTHOR,
    editor: Role.EDITOR,
  }));
  redirects = redirectsApi(api);
});
afterAll(() => api.close());

/** Old links keep working when a slug changes (Ghost answers 404 for an old slug). */
describe('slug history', () => {
  it('an old slug leads to the new one, permanently, as a redirect of the post', async () => {
    const post = await publishedPost(api, author.token, { slug: 'night-buses' });
    await redirects.rename(post, 'night-buses-return', author.token);
    const { post: shown, redirect } = await redirects.resolve('/posts/night-buses');
    expect(shown).toBeNull();
    expect(redirect).toMatchObject({
      path: '/posts/night-buses',
      location: '/posts/night-buses-return',
      permanent: true,
      source: 'SLUG_CHANGE',
      post: { id: post.id, slug: 'night-buses-return' },
    });
    expect(await redirects.outcome('/posts/night-buses-return')).toBe('post:night-buses-return');
  });

  it('chains collapse: after a -> b -> c, every old path (and redirects to them) leads straight to c', async () => {
    let post = await publishedPost(api, author.token, { slug: 'ferry-a' });
    const manual = await redirects.createRedirect({ path: '/ferries', location: '/posts/ferry-a' }, editor.token);
    expect(manual.post).toMatchObject({ id: post.id });
    post = await redirects.rename(post, 'ferry-b', author.token);
    await redirects.rename(post, 'ferry-c', author.token);
    for (const old of ['/posts/ferry-a', '/posts/ferry-b', '/ferries']) {
      expect(await redirects.outcome(old)).toBe('-> /posts/ferry-c (301)');
    }
    expect(await redirects.outcome('/posts/ferry-c')).toBe('post:ferry-c');
  });

  it('taking an old slug back removes the redirect from it: a -> b -> a leaves no loop', async () => {
    let post = await publishedPost(api, author.token, { slug: 'tide-tables' });
    post = await redirects.rename(post, 'tide-tables-2027', author.token);
    await redirects.rename(post, 'tide-tables', author.token);
    expect(await redirects.outcome('/posts/tide-tables')).toBe('post:tide-tables');
    expect(await redirects.outcome('/posts/tide-tables-2027')).toBe('-> /posts/tide-tables (301)');
    const all = await redirects.all();
    expect(all['/posts/tide-tables']).toBeUndefined();
    expect(all['/posts/tide-tables-2027']).toBe('/posts/tide-tables');
  });

  it('a post renamed onto another story’s old path takes it: that redirect goes', async () => {
    const first = await publishedPost(api, author.token, { slug: 'harbour-fire' });
    await redirects.rename(first, 'harbour-fire-1998', author.token);
    const second = await publishedPost(api, otherAuthor.token, { slug: 'harbour-fire-today' });
    await redirects.rename(second, 'harbour-fire', otherAuthor.token);
    expect(await redirects.outcome('/posts/harbour-fire')).toBe('post:harbour-fire');
    expect(await redirects.outcome('/posts/harbour-fire-today')).toBe('-> /posts/harbour-fire (301)');
  });

  it('a new post at an old path shadows its redirect once readers can see it', async () => {
    const first = await publishedPost(api, author.token, { slug: 'market-day' });
    await redirects.rename(first, 'market-day-moves', author.token);
    const created = await api.gql(
      CreatePostDocument,
      { input: { title: 'Market day', body: '<p>Again.</p>', slug: 'market-day' } },
      { token: otherAuthor.token },
    );
    const draft = created.data!.createPost;
    // A draft is not there for readers: the old link still leads to the first story.
    expect(await redirects.outcome('/posts/market-day')).toBe('-> /posts/market-day-moves (301)');
    expect(await redirects.outcome('/posts/market-day', otherAuthor.token)).toBe('post:market-day');
    await api.gql(PublishPostDocument, { id: draft.id }, { token: otherAuthor.token });
    expect(await redirects.outcome('/posts/market-day')).toBe('post:market-day');
  });

  it('shows a draft at its path only to those who may see it; readers get nothing', async () => {
    await draftPost(api, author.token, { slug: 'council-leak' });
    expect(await redirects.outcome('/posts/council-leak')).toBe('404');
    expect(await redirects.outcome('/posts/council-leak', otherAuthor.token)).toBe('404');
    expect(await redirects.outcome('/posts/council-leak', author.token)).toBe('post:council-leak');
    expect(await redirects.outcome('/posts/council-leak', editor.token)).toBe('post:council-leak');
  });

  it('a redirect to a story readers cannot see is not there for them (its new slug stays unknown)', async () => {
    const draft = await draftPost(api, author.token, { slug: 'embargoed-budget' });
    const renamed = await redirects.rename(draft, 'budget-cuts-leaked', author.token);
    expect(await redirects.outcome('/posts/embargoed-budget')).toBe('404');
    expect(await redirects.outcome('/posts/embargoed-budget', otherAuthor.token)).toBe('404');
    expect(await redirects.outcome('/posts/embargoed-budget', author.token)).toBe('-> /posts/budget-cuts-leaked (301)');
    const published = (await api.gql(PublishPostDocument, { id: renamed.id }, { token: author.token })).data!
      .publishPost;
    expect(await redirects.outcome('/posts/embargoed-budget')).toBe('-> /posts/budget-cuts-leaked (301)');
    await api.gql(UnpublishPostDocument, { id: published.id }, { token: author.token });
    expect(await redirects.outcome('/posts/embargoed-budget')).toBe('404');
    expect(await redirects.outcome('/posts/embargoed-budget', editor.token)).toBe('-> /posts/budget-cuts-leaked (301)');
  });

  it('deleting a post removes its redirects: old links are a 404, as the story is', async () => {
    const post = await publishedPost(api, author.token, { slug: 'pier-closes' });
    await redirects.rename(post, 'pier-closes-for-winter', author.token);
    await redirects.createRedirect({ path: '/pier', location: '/posts/pier-closes-for-winter' }, editor.token);
    await api.gql(DeletePostDocument, { id: post.id }, { token: author.token });
    const all = await redirects.all();
    expect(all['/posts/pier-closes']).toBeUndefined();
    expect(all['/pier']).toBeUndefined();
    expect(await redirects.outcome('/posts/pier-closes')).toBe('404');
  });

  it('a slug change that fails leaves every redirect as it was', async () => {
    const post = await publishedPost(api, author.token, { slug: 'ferry-strike' });
    await publishedPost(api, author.token, { slug: 'ferry-strike-ends' });
    const before = await redirects.all();
    const stale = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version - 1, input: { slug: 'ferry-strike-over' } },
      { token: author.token },
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    const taken = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { slug: 'ferry-strike-ends' } },
      { token: author.token },
    );
    expect(errorCode(taken)).toBe('CONFLICT');
    const forbidden = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { slug: 'ferry-strike-over' } },
      { token: otherAuthor.token },
    );
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(await redirects.all()).toEqual(before);
    expect(await redirects.outcome('/posts/ferry-strike')).toBe('post:ferry-strike');
  });

  it('records redirect.created with the slug change, naming the paths whose answers changed', async () => {
    let post = await publishedPost(api, author.token, { slug: 'lighthouse' });
    await redirects.createRedirect({ path: '/beacon', location: '/posts/lighthouse' }, editor.token);
    const [{ seq }] = (await api.db.query('SELECT max(seq)::text AS seq FROM events')) as Array<{ seq: string }>;
    post = await redirects.rename(post, 'lighthouse-restored', author.token);
    const events = (await api.db.query(
      `SELECT type, post_id AS "postId", cache_keys AS "cacheKeys", payload FROM events WHERE seq > $1 ORDER BY seq`,
      [seq],
    )) as Array<{ type: string; postId: string; cacheKeys: string[]; payload: Record<string, unknown> }>;
    expect(events.map((event) => event.type)).toEqual(['post.updated', 'redirect.created']);
    const created = events[1];
    expect(created.payload).toMatchObject({
      path: '/posts/lighthouse',
      location: '/posts/lighthouse-restored',
      permanent: true,
      source: 'SLUG_CHANGE',
    });
    expect(created.cacheKeys.sort()).toEqual(
      ['/posts/lighthouse', '/posts/lighthouse-restored', '/beacon']
        .map((path) => CacheKey.path(path))
        .concat('list:post')
        .sort(),
    );
    expect(created.postId).toBe(Buffer.from(post.id, 'base64url').toString().split(':')[1]);
  });
});
