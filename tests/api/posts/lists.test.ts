import { Role } from '../../../src/domain/enums';
import {
  type PostsQueryVariables,
  AuthorLookupDocument,
  AuthorPostsDocument,
  AuthorsDocument,
  PostByIdDocument,
  PostsDocument,
  PublishPostDocument,
  SearchDocument,
  TagsDocument,
  FeaturedPostsDocument,
  SetFeaturedDocument,
} from '../../generated/operations';
import { startNewsroom } from '../../helpers/newsroom';
import { draftPost, publishedPost } from '../../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../../helpers/test-server';

let api: TestServer;
let editor: SignedIn;
beforeAll(async () => {
  ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }));
});
afterAll(() => api.close());

const feedIds = async (variables: PostsQueryVariables = {}) => {
  const response = await api.gql(PostsDocument, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.posts;
};

describe('scheduling', () => {
  it('a post scheduled a moment ahead goes live at that moment with nothing else happening', async () => {
    const publishAt = new Date(Date.now() + 1500).toISOString();
    const post = await publishedPost(api, editor.token, { title: 'Goes live shortly' }, publishAt);
    expect(post).toMatchObject({ status: 'SCHEDULED', publishedAt: publishAt });
    expect((await api.gql(PostByIdDocument, { id: post.id })).data?.post).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 1700));
    const later = (await api.gql(PostByIdDocument, { id: post.id })).data?.post;
    expect(later).toMatchObject({ status: 'PUBLISHED', publishedAt: publishAt });
    expect((await feedIds({ first: 5 })).edges.map((edge) => edge.node.id)).toContain(post.id);
  });

  it('a publishAt in the past backdates the post, published at once', async () => {
    const post = await publishedPost(api, editor.token, {}, '2020-02-03T04:05:06.000Z');
    expect(post).toMatchObject({ status: 'PUBLISHED', publishedAt: '2020-02-03T04:05:06.000Z' });
  });

  it('a publishAt without a time zone is BAD_USER_INPUT and publishes nothing', async () => {
    const draft = await draftPost(api, editor.token);
    const response = await api.gql(
      PublishPostDocument,
      { id: draft.id, publishAt: '2030-01-01T10:00:00' },
      { token: editor.token },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((await api.gql(PostByIdDocument, { id: draft.id }, { token: editor.token })).data?.post?.status).toBe(
      'DRAFT',
    );
  });
});

describe('keyset pagination of posts', () => {
  it('pages through the feed without gaps or repeats while new posts are published between pages', async () => {
    const before = new Set((await feedIds({ first: 100 })).edges.map((edge) => edge.node.id));
    for (let i = 0; i < 7; i += 1) await publishedPost(api, editor.token, { title: `Paged story ${i}` });
    const expected = (await feedIds({ first: 100 })).edges.map((edge) => edge.node.id);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await feedIds({ first: 3, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      pages += 1;
      // Breaking news lands at the top while the reader is scrolling.
      await publishedPost(api, editor.token, { title: `Breaking ${pages}` });
    } while (after);

    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(expected.filter((id) => !before.has(id))).toHaveLength(7);
  });

  it('pages backwards with last/before, in the same newest-first order', async () => {
    const all = (await feedIds({ first: 100 })).edges;
    const tail = await feedIds({ last: 4 });
    expect(tail.edges.map((edge) => edge.node.id)).toEqual(all.slice(-4).map((edge) => edge.node.id));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const previous = await feedIds({ last: 4, before: tail.pageInfo.startCursor });
    expect(previous.edges.map((edge) => edge.node.id)).toEqual(all.slice(-8, -4).map((edge) => edge.node.id));
    expect(previous.pageInfo.hasNextPage).toBe(true);
  });

  it('totalCount counts the whole list, not the page', async () => {
    const page = await feedIds({ first: 2 });
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBe((await feedIds({ first: 100 })).edges.length);
  });

  it.each([[0], [101], [-1]])('first: %d is BAD_USER_INPUT naming first', async (first) => {
    const response = await api.gql(PostsDocument, { first });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe('first');
  });

  it('a malformed cursor, or one from another list, is BAD_USER_INPUT', async () => {
    expect(errorCode(await api.gql(PostsDocument, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    const authorsCursor = (await api.gql(AuthorsDocument, { first: 1 })).data!.authors.edges[0].cursor;
    expect(errorCode(await api.gql(PostsDocument, { after: authorsCursor }))).toBe('BAD_USER_INPUT');
    for (const instant of ['yesterday', '2020', 'May 5', '2020-01-01']) {
      const forged = Buffer.from(
        JSON.stringify(['published', instant, '00000000-0000-4000-8000-000000000000']),
      ).toString('base64url');
      expect(errorCode(await api.gql(PostsDocument, { after: forged }))).toBe('BAD_USER_INPUT');
    }
  });

  it('filters by featured and by author slug', async () => {
    const post = await publishedPost(api, editor.token, { title: 'Front page material' });
    await api.gql(SetFeaturedDocument, { id: post.id, featured: true }, { token: editor.token });
    const featured = await feedIds({ filter: { featured: true } });
    expect(featured.edges.map((edge) => edge.node.id)).toEqual([post.id]);
    expect((await api.gql(FeaturedPostsDocument, {})).data!.featuredPosts.map((p) => p.id)).toEqual([post.id]);
    const byAuthor = await feedIds({ first: 100, filter: { authorSlug: 'no-such-author' } });
    expect(byAuthor.totalCount).toBe(0);
  });
});

describe('Author.posts', () => {
  it("pages through one author's live posts, newest first, with a totalCount that leaves out drafts", async () => {
    const writer = await api.signUp(Role.AUTHOR, 'Paging Writer');
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.unshift((await publishedPost(api, writer.token)).id);
    await draftPost(api, writer.token);
    const slug = (await api.gql(AuthorLookupDocument, { id: writer.id })).data!.author!.slug;
    const first = (await api.gql(AuthorPostsDocument, { slug, first: 2 })).data!.author!.posts;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = (await api.gql(AuthorPostsDocument, { slug, first: 2, after: first.pageInfo.endCursor })).data!.author!
      .posts;
    expect([...first.nodes, ...rest.nodes].map((node) => node.id)).toEqual(ids);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await api.gql(AuthorPostsDocument, { slug, after: 'bogus' }))).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  beforeAll(async () => {
    await publishedPost(api, editor.token, {
      title: 'Harbour seals return to the estuary',
      body: '<p>Counts are up this year.</p>',
    });
    await publishedPost(api, editor.token, {
      title: 'Council budget vote',
      body: '<p>Funding for harbour seals monitoring was cut.</p>',
    });
    await publishedPost(api, editor.token, { title: 'Ferry fares frozen', body: '<p>Seals were not discussed.</p>' });
    await draftPost(api, editor.token, { title: 'Harbour seals draft', body: '<p>Unpublished.</p>' });
  });

  it('ranks a title match above a body match, and never returns drafts', async () => {
    const titles = (
      await api.gql(SearchDocument, { query: 'harbour seals' }, { token: editor.token })
    ).data!.search.nodes.map((node) => node.title);
    expect(titles).toEqual(['Harbour seals return to the estuary', 'Council budget vote']);
  });

  it('understands web search syntax: quotes and minus', async () => {
    const minus = (await api.gql(SearchDocument, { query: 'seals -harbour' })).data!.search.nodes.map(
      (node) => node.title,
    );
    expect(minus).toEqual(['Ferry fares frozen']);
    const phrase = (await api.gql(SearchDocument, { query: '"seals return"' })).data!.search.nodes.map(
      (node) => node.title,
    );
    expect(phrase).toEqual(['Harbour seals return to the estuary']);
  });

  it('pages through results with cursors', async () => {
    const first = (await api.gql(SearchDocument, { query: 'seals', first: 2 })).data!.search;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.gql(SearchDocument, { query: 'seals', first: 2, after: first.pageInfo.endCursor })).data!
      .search;
    expect(second.nodes).toHaveLength(1);
    expect(new Set([...first.nodes, ...second.nodes].map((node) => node.id)).size).toBe(3);
  });

  it('a blank query finds nothing rather than failing', async () => {
    const response = await api.gql(SearchDocument, { query: '   ' });
    expect(response.data!.search.totalCount).toBe(0);
  });
});

describe('tags', () => {
  it('lists tags of published posts, most used first', async () => {
    await publishedPost(api, editor.token, { tags: ['quay', 'tides'] });
    await publishedPost(api, editor.token, { tags: ['tides'] });
    await draftPost(api, editor.token, { tags: ['quay', 'quay-draft-only'] });
    const tags = (await api.gql(TagsDocument, { limit: 100 })).data!.tags;
    expect(tags.filter((tag) => ['quay', 'tides', 'quay-draft-only'].includes(tag.tag))).toEqual([
      { tag: 'tides', count: 2 },
      { tag: 'quay', count: 1 },
    ]);
    expect(errorCode(await api.gql(TagsDocument, { limit: 0 }))).toBe('BAD_USER_INPUT');
  });
});
