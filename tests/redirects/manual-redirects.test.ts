import { Role } from '../../src/domain/enums';
import {
  CreateRedirectDocument,
  DeleteRedirectDocument,
  PublishPostDocument,
  RedirectNodeDocument,
  RedirectsDocument,
  ResolveUrlDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { redirectsApi } from './redirects-api';

const SITE = 'https://news.example.com';

let api: TestServer;
let author: SignedIn;
let editor: SignedIn;
let admin: SignedIn;
let redirects: ReturnType<typeof redirectsApi>;
beforeAll(async () => {
  ({ api, author, editor, admin } = await startNewsroom(
    { author: Role.AUTHOR, editor: Role.EDITOR, admin: Role.ADMIN },
    { publicBaseUrl: `${SITE}/` },
  ));
  redirects = redirectsApi(api);
});
afterAll(() => api.close());

const redirectEvents = async () =>
  Number(
    (
      (await api.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'redirect.created'`)) as Array<{
        n: number;
      }>
    )[0].n,
  );

describe('manual redirects', () => {
  it('editors and admins make, list and remove them; authors are FORBIDDEN, readers UNAUTHENTICATED', async () => {
    const input = { path: '/subscribe', location: 'https://shop.example.org/subscriptions' };
    expect(errorCode(await api.gql(CreateRedirectDocument, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(CreateRedirectDocument, { input }, { token: author.token }))).toBe('FORBIDDEN');
    expect(await redirects.all()).toEqual({});
    expect(errorCode(await api.gql(RedirectsDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(RedirectsDocument, {}, { token: author.token }))).toBe('FORBIDDEN');

    const made = await redirects.createRedirect(input, editor.token);
    expect(made).toMatchObject({ ...input, permanent: true, source: 'MANUAL', post: null });
    expect((await api.gql(RedirectNodeDocument, { id: made.id }, { token: admin.token })).data?.node).toMatchObject({
      __typename: 'Redirect',
      path: '/subscribe',
    });
    expect((await api.gql(RedirectNodeDocument, { id: made.id }, { token: author.token })).data?.node).toBeNull();
    expect((await api.gql(RedirectNodeDocument, { id: made.id })).data?.node).toBeNull();

    expect(errorCode(await api.gql(DeleteRedirectDocument, { id: made.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(DeleteRedirectDocument, { id: made.id }, { token: author.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await redirects.outcome('/subscribe')).toBe('-> https://shop.example.org/subscriptions (301)');
    expect((await api.gql(DeleteRedirectDocument, { id: made.id }, { token: admin.token })).data?.deleteRedirect).toBe(
      true,
    );
    expect(await redirects.outcome('/subscribe')).toBe('404');
    expect(errorCode(await api.gql(DeleteRedirectDocument, { id: made.id }, { token: admin.token }))).toBe('NOT_FOUND');
    const post = await publishedPost(api, editor.token);
    expect(errorCode(await api.gql(DeleteRedirectDocument, { id: post.id }, { token: admin.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DeleteRedirectDocument, { id: 'nope' }, { token: admin.token }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('stores paths in one form, and finds them however a front end writes them', async () => {
    const made = await redirects.createRedirect(
      { path: `${SITE}/2019/05/Café Opens.html/?utm_source=feed#comments`, location: '/about/', permanent: false },
      editor.token,
    );
    expect(made).toMatchObject({ path: '/2019/05/Caf%C3%A9%20Opens.html', location: '/about', permanent: false });
    for (const spelling of [
      '/2019/05/Caf%C3%A9%20Opens.html',
      '/2019/05/Café Opens.html',
      '/2019/05/Caf%c3%a9%20Opens.html/',
      '//2019//05/Caf%C3%A9%20Opens.html?page=2',
      '/2019/05/./Caf%C3%A9%20Opens.html#top',
      `${SITE}/2019/05/Caf%C3%A9%20Opens.html`,
      `${SITE.toUpperCase()}:443/2019/05/Caf%C3%A9%20Opens.html`,
    ]) {
      expect([spelling, await redirects.outcome(spelling)]).toEqual([spelling, '-> /about (302)']);
    }
    // Paths are case-sensitive, as URLs are.
    expect(await redirects.outcome('/2019/05/CAF%C3%A9%20Opens.html')).toBe('404');
    expect(await redirects.outcome('/')).toBe('404');
  });

  it.each([
    ['another site', 'https://elsewhere.example.org/2019/05/x.html'],
    ['a malformed escape', '/2019/%zz'],
    ['bytes that are not UTF-8', '/caf%E9'],
    ['no leading slash', 'posts/x'],
    ['not http', 'javascript:alert(1)'],
  ])('resolveUrl of %s is BAD_USER_INPUT naming path', async (_case, path) => {
    const response = await api.gql(ResolveUrlDocument, { path });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe('path');
  });

  it.each([
    ['a path of another site', { path: 'https://elsewhere.example.org/x', location: '/about' }, 'path'],
    ['a path that is no path', { path: 'old-page', location: '/about' }, 'path'],
    ['a malformed escape', { path: '/old%', location: '/about' }, 'path'],
    ['a location that is not http(s)', { path: '/old-page', location: 'javascript:alert(1)' }, 'location'],
    ['a relative location', { path: '/old-page', location: 'about' }, 'location'],
    ['an over-long path', { path: `/${'a'.repeat(2048)}`, location: '/about' }, 'path'],
  ])('%s is BAD_USER_INPUT and changes nothing', async (_case, input, field) => {
    const [before, events] = [await redirects.all(), await redirectEvents()];
    const response = await api.gql(CreateRedirectDocument, { input }, { token: editor.token });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe(field);
    expect(await redirects.all()).toEqual(before);
    expect(await redirectEvents()).toBe(events);
  });

  it('a path already redirected, a published post’s path, itself or a loop is CONFLICT and changes nothing', async () => {
    const live = await publishedPost(api, author.token, { slug: 'live-story' });
    await redirects.createRedirect({ path: '/old-page', location: '/new-page' }, editor.token);
    await redirects.createRedirect({ path: '/loop-a', location: '/loop-b' }, editor.token);
    const [before, events] = [await redirects.all(), await redirectEvents()];
    for (const [input, field] of [
      [{ path: '/old-page/', location: '/elsewhere' }, 'path'],
      [{ path: '/posts/live-story', location: '/elsewhere' }, 'path'],
      [{ path: `${SITE}/posts/live-story?x=1`, location: '/elsewhere' }, 'path'],
      [{ path: '/same', location: '/same/?again=1' }, 'location'],
      [{ path: '/loop-b', location: '/loop-a' }, 'location'],
    ] as const) {
      const response = await api.gql(CreateRedirectDocument, { input }, { token: editor.token });
      expect([input, errorCode(response), response.errors?.[0].extensions?.field]).toEqual([input, 'CONFLICT', field]);
    }
    expect(await redirects.all()).toEqual(before);
    expect(await redirectEvents()).toBe(events);
    expect(await redirects.outcome('/posts/live-story')).toBe(`post:${live.slug}`);
  });

  it('a draft’s path may be redirected; once readers can see the post, the post wins', async () => {
    const draft = await draftPost(api, author.token, { slug: 'coming-soon' });
    await redirects.createRedirect({ path: '/posts/coming-soon', location: '/' }, editor.token);
    expect(await redirects.outcome('/posts/coming-soon')).toBe('-> / (301)');
    // Its author sees the draft there already.
    expect(await redirects.outcome('/posts/coming-soon', author.token)).toBe('post:coming-soon');
    await api.gql(PublishPostDocument, { id: draft.id }, { token: author.token });
    expect(await redirects.outcome('/posts/coming-soon')).toBe('post:coming-soon');
  });

  it('chains collapse as they form, and a redirect to a post’s path is that post’s', async () => {
    const post = await publishedPost(api, author.token, { slug: 'regatta' });
    await redirects.createRedirect({ path: '/c1', location: '/c2' }, editor.token);
    await redirects.createRedirect({ path: '/c2', location: '/posts/regatta' }, editor.token);
    const onward = await redirects.createRedirect({ path: '/c0', location: `${SITE}/c1` }, editor.token);
    expect(onward).toMatchObject({ location: '/posts/regatta', post: { id: post.id } });
    for (const path of ['/c0', '/c1', '/c2']) expect(await redirects.outcome(path)).toBe('-> /posts/regatta (301)');
    await redirects.rename(post, 'regatta-cancelled', author.token);
    for (const path of ['/c0', '/c1', '/c2', '/posts/regatta']) {
      expect(await redirects.outcome(path)).toBe('-> /posts/regatta-cancelled (301)');
    }
  });

  it('lists every redirect newest first, a page at a time', async () => {
    for (const n of [1, 2, 3]) await redirects.createRedirect({ path: `/page-${n}`, location: '/' }, editor.token);
    const first = (await api.gql(RedirectsDocument, { first: 2 }, { token: editor.token })).data!.redirects;
    expect(first.edges.map((edge) => edge.node.path)).toEqual(['/page-3', '/page-2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await api.gql(RedirectsDocument, { first: 100, after: first.pageInfo.endCursor }, { token: admin.token })
    ).data!.redirects;
    expect(rest.edges[0].node.path).toBe('/page-1');
    expect(first.totalCount).toBe(Object.keys(await redirects.all()).length);
    expect(rest.edges.length + 2).toBe(first.totalCount);
  });

  it('records redirect.created for each redirect made', async () => {
    const [{ seq }] = (await api.db.query('SELECT max(seq)::text AS seq FROM events')) as Array<{ seq: string }>;
    const made = await redirects.createRedirect({ path: '/tips', location: 'https://tips.example.org/' }, admin.token);
    const events = (await api.db.query(`SELECT type, payload FROM events WHERE seq > $1 ORDER BY seq`, [
      seq,
    ])) as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(events).toEqual([
      {
        type: 'redirect.created',
        payload: {
          redirectId: made.id,
          path: '/tips',
          location: 'https://tips.example.org/',
          permanent: true,
          source: 'MANUAL',
        },
      },
    ]);
  });
});
