import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  AddRelatedLinkDocument,
  MobileFeedDocument,
  NestedFeedDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';

let api: TestServer;
let editor: SignedIn;

/**
 * 40 live posts by four authors, each with tags, two revisions, a link to the previous post and
 * an external link, and a thread of two comments where the first has two replies; behind them,
 * 60 older plain posts, so that a page can hold 100.
 */
beforeAll(async () => {
  // Without the response cache: these count what executing a query costs, every time.
  ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }, { responseCacheEntries: 0 }));
  const authors = await Promise.all([
    api.signUp(Role.AUTHOR),
    api.signUp(Role.AUTHOR),
    api.signUp(Role.AUTHOR),
    api.signUp(Role.EDITOR),
  ]);
  for (let i = 0; i < 60; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    await publishedPost(
      api,
      authors[i % authors.length].token,
      { title: `Older story ${i}`, tags: ['filler'] },
      `2020-01-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    );
  }
  let previous: string | undefined;
  for (let i = 0; i < 40; i += 1) {
    const author = authors[i % authors.length];
    const post = await publishedPost(api, author.token, { title: `Feed story ${i}`, tags: [`tag-${i % 5}`, 'feed'] });
    await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { excerpt: `Summary ${i}` } },
      { token: editor.token },
    );
    if (previous)
      await api.gql(
        AddRelatedLinkDocument,
        { postId: post.id, input: { targetPostId: previous } },
        { token: editor.token },
      );
    await api.gql(
      AddRelatedLinkDocument,
      { postId: post.id, input: { url: `https://example.org/${i}`, title: `Background ${i}` } },
      { token: editor.token },
    );
    const top = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, body: `First on ${i}` } },
      { token: editor.token },
    );
    for (const reply of ['Reply A', 'Reply B']) {
      await api.gql(
        AddCommentDocument,
        { input: { postId: post.id, parentId: top.data!.addComment.id, body: reply } },
        { token: author.token },
      );
    }
    await api.gql(AddCommentDocument, { input: { postId: post.id, body: `Second on ${i}` } }, { token: editor.token });
    previous = post.id;
  }
});
afterAll(() => api.close());

/**
 * Sends `run`, returns how many SQL statements executing it cost. Not counted: when the next
 * scheduled post goes live, which a public answer's max-age reads once after each change.
 */
async function statementsOf(run: () => Promise<{ errors?: unknown }>): Promise<number> {
  api.statements.reset();
  const response = await run();
  expect(response.errors).toBeUndefined();
  return api.statements.countExcept('schedule-horizon');
}

/** Sends a document not typed by the codegen (each is its own shape), returns its data. */
async function send(query: string, variables: Record<string, unknown> = {}) {
  const response = await api.post(JSON.stringify({ query, variables }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the shape it asked for
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown };
}

/**
 * The compiled path (the default) compiles a document on its second request; the first runs on
 * graphql-js, with loaders reading every list as before issue 21. Counts below are of warm
 * documents, what a client repeating its feed query costs.
 */
async function warm(run: () => Promise<unknown>): Promise<void> {
  await run();
  await run();
}

describe('batching: the statement count of a nested feed does not grow with the page', () => {
  it('the mobile feed (comments with replies, links with targets, related posts with authors): same count for 5 and 40 posts, at most 2', async () => {
    await warm(() => api.gql(MobileFeedDocument, { first: 5 }));
    const five = await statementsOf(() => api.gql(MobileFeedDocument, { first: 5 }));
    const response = await api.gql(MobileFeedDocument, { first: 40 });
    const forty = await statementsOf(() => api.gql(MobileFeedDocument, { first: 40 }));
    expect(five).toBeGreaterThan(0);
    expect(forty).toBe(five);
    // The posts with their authors, first comment pages with replies, comment counts and links;
    // the related posts with their authors.
    expect(forty).toBeLessThanOrEqual(2);

    // The data a client sees is all there.
    const nodes = response.data!.posts.nodes;
    expect(nodes).toHaveLength(40);
    for (const node of nodes) {
      expect(node.commentCount).toBe(4);
      expect(node.comments.nodes.map((c) => c.replies.map((r) => r.body))).toEqual([['Reply A', 'Reply B'], []]);
      expect(node.author.name).toBeTruthy();
      expect(node.relatedPosts.length).toBe(3);
      expect(node.relatedPosts.every((p) => p.author.name)).toBe(true);
    }
    // Every post but the oldest links to the one before it.
    expect(nodes.filter((node) => node.relatedLinks.some((l) => l.targetPost)).length).toBe(39);
  });

  it('a feed page (authors, first comment pages, counts, links with targets) is one statement', async () => {
    const feed = `query LeanFeed($first: Int!) { posts(first: $first) { nodes { title commentCount
      author { name } comments(first: 3) { nodes { body } }
      relatedLinks { title url targetPost { title } } } } }`;
    await warm(() => send(feed, { first: 10 }));
    let answer: Awaited<ReturnType<typeof send>> = {};
    expect(await statementsOf(async () => (answer = await send(feed, { first: 10 })))).toBe(1);
    const nodes = answer.data!.posts.nodes as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(nodes.map((node) => node.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Feed story ${39 - i}`));
    for (const [i, node] of nodes.entries()) {
      expect(node.commentCount).toBe(4);
      expect(node.author.name).toBeTruthy();
      expect(node.comments.nodes.map((c: { body: string }) => c.body)).toEqual([
        `First on ${39 - i}`,
        `Second on ${39 - i}`,
      ]);
      expect(node.relatedLinks).toEqual([
        {
          title: `Feed story ${38 - i}`,
          url: expect.stringContaining(''),
          targetPost: { title: `Feed story ${38 - i}` },
        },
        { title: `Background ${39 - i}`, url: `https://example.org/${39 - i}`, targetPost: null },
      ]);
    }
  });

  it('what a list does not read with its posts the loaders still read: another page size under an alias, a fragment, a cursor', async () => {
    const aliased = `query Aliased($n: Int) { posts(first: 4) { edges { node { ...Thread
      two: comments(first: 2) { nodes { body } } } } } }
      fragment Thread on Post { one: comments(first: $n) { nodes { body } pageInfo { hasNextPage endCursor } } }`;
    await warm(() => send(aliased, { n: 1 }));
    const { data, errors } = await send(aliased, { n: 1 });
    expect(errors).toBeUndefined();
    const edges = data!.posts.edges as Array<{ node: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(edges).toHaveLength(4);
    for (const [i, { node }] of edges.entries()) {
      expect(node.one.nodes).toEqual([{ body: `First on ${39 - i}` }]);
      expect(node.one.pageInfo.hasNextPage).toBe(true);
      expect(node.two.nodes).toEqual([{ body: `First on ${39 - i}` }, { body: `Second on ${39 - i}` }]);
    }
    // The next page of one thread, after the cursor the first page gave.
    const next = `query Next($after: String) { posts(first: 1) { nodes { comments(first: 1, after: $after) { nodes { body } } } } }`;
    const after = edges[0].node.one.pageInfo.endCursor as string;
    await warm(() => send(next, { after }));
    expect((await send(next, { after })).data!.posts.nodes[0].comments.nodes).toEqual([{ body: 'Second on 39' }]);
  });

  it('the mobile feed costs the same for a page of 100 posts', async () => {
    const five = await statementsOf(() => api.gql(MobileFeedDocument, { first: 5 }));
    const hundred = await statementsOf(() => api.gql(MobileFeedDocument, { first: 100 }));
    expect(hundred).toBe(five);
    expect((await api.gql(MobileFeedDocument, { first: 100 })).data!.posts.nodes).toHaveLength(100);
  });

  it('the editor view (revisions with editors, authors with their latest posts): same count for 5 and 40 posts', async () => {
    const five = await statementsOf(() => api.gql(NestedFeedDocument, { first: 5 }, { token: editor.token }));
    const forty = await statementsOf(() => api.gql(NestedFeedDocument, { first: 40 }, { token: editor.token }));
    expect(five).toBeGreaterThan(0);
    expect(forty).toBe(five);
    expect(forty).toBeLessThanOrEqual(5);
  });
});
