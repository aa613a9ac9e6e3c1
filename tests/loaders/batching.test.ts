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

describe('batching: the statement count of a nested feed does not grow with the page', () => {
  it('the mobile feed (comments with replies, links with targets, related posts with authors): same count for 5 and 40 posts, at most 7', async () => {
    const five = await statementsOf(() => api.gql(MobileFeedDocument, { first: 5 }));
    const response = await api.gql(MobileFeedDocument, { first: 40 });
    const forty = await statementsOf(() => api.gql(MobileFeedDocument, { first: 40 }));
    expect(five).toBeGreaterThan(0);
    expect(forty).toBe(five);
    expect(forty).toBeLessThanOrEqual(7);

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
