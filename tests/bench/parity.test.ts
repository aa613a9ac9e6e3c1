import { isDeepStrictEqual } from 'node:util';
import {
  createHandWrittenServer,
  HandWrittenServer,
  type HandWrittenServerOptions,
} from '../../bench/hand-written-server';
import { FeedName, PARITY_PAGES, feedRequestBody } from '../../bench/queries';
import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  AddRelatedLinkDocument,
  ArchivePostDocument,
  DeletePostDocument,
  ModerateCommentDocument,
  type CommentStatus,
  type RelatedLinkInput,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';

/**
 * The benchmark compares Broadsheet with a hand-written endpoint (bench/hand-written-server.ts);
 * that comparison is honest only while both answer the same. Here both serve one database with
 * every case the feeds' rules distinguish, and their answers to the benchmark's two operations
 * must be equal, as JSON, for several page sizes.
 */

let api: TestServer;
let editor: SignedIn;
let writers: SignedIn[];
const servers: HandWrittenServer[] = [];

/** Two in three stories carry two of four tags; the last one three, and the oldest all four. */
const TAG_SETS = [
  ['harbour', 'ferries'],
  ['council', 'weather'],
  ['harbour', 'council'],
  ['ferries', 'weather'],
  ['harbour', 'weather'],
  ['ferries', 'council'],
  ['harbour'],
  ['ferries'],
  ['council'],
  ['weather'],
];
const LIVE_POSTS = 32;

const rowId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

async function link(postId: string, input: RelatedLinkInput): Promise<string> {
  const response = await api.gql(AddRelatedLinkDocument, { postId, input }, { token: editor.token });
  if (!response.data?.addRelatedLink) throw new Error(JSON.stringify(response.errors));
  return response.data.addRelatedLink.id;
}

async function comment(postId: string, body: string, as: 'staff' | 'reader', parentId?: string): Promise<string> {
  const response = await api.gql(
    AddCommentDocument,
    { input: { postId, parentId, body, authorName: as === 'reader' ? 'A reader' : undefined } },
    { token: as === 'staff' ? editor.token : undefined },
  );
  if (!response.data?.addComment) throw new Error(JSON.stringify(response.errors));
  return response.data.addComment.id;
}

async function moderate(id: string, status: CommentStatus): Promise<void> {
  const response = await api.gql(ModerateCommentDocument, { id, status }, { token: editor.token });
  if (!response.data?.moderateComment) throw new Error(JSON.stringify(response.errors));
}

/**
 * 32 live posts by four authors with overlapping tags: the oldest shares three tags with the
 * newest but is older than each tag's suggestion candidates; one is live through a past schedule,
 * two share a publication moment; drafts, a future schedule, an archived and a deleted post that
 * others link to; threads with more than three comments, pending and rejected ones, replies
 * under a comment rejected later; POST links to live and hidden posts, with and without their own
 * title, external links, a post with more curated links than relatedPosts returns.
 */
beforeAll(async () => {
  ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }, { commentsPerMinute: 1000 }));
  writers = await Promise.all([
    api.signUp(Role.AUTHOR),
    api.signUp(Role.AUTHOR),
    api.signUp(Role.EDITOR),
    api.signUp(Role.AUTHOR),
  ]);
  const oldTwin = await publishedPost(api, writers[0].token, {
    title: 'Old story on everything',
    tags: ['harbour', 'ferries', 'council', 'weather'],
  });
  const live: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const post = await publishedPost(api, writers[i % 4].token, {
      title: `Parity story ${i}`,
      excerpt: i % 5 === 0 ? `Custom summary ${i}` : undefined,
      tags: i === 29 ? ['harbour', 'ferries', 'council'] : TAG_SETS[i % TAG_SETS.length],
    });
    live.push(post.id);
  }
  const hidden = {
    draft: (await draftPost(api, writers[0].token, { title: 'A draft', tags: ['harbour', 'ferries'] })).id,
    future: (await publishedPost(api, writers[1].token, { tags: ['harbour'] }, '2099-01-01T09:00:00.000Z')).id,
    archived: (await publishedPost(api, writers[2].token, { title: 'Archived story', tags: ['harbour'] })).id,
  };
  await api.gql(ArchivePostDocument, { id: hidden.archived }, { token: editor.token });
  // A post scheduled earlier whose moment has passed is live (served as PUBLISHED).
  const pastSchedule = await publishedPost(
    api,
    writers[3].token,
    { tags: ['council', 'harbour'] },
    '2099-02-01T00:00:00Z',
  );
  const doomed = await publishedPost(api, writers[0].token, { title: 'Deleted later', tags: ['arts'] });

  const curated = live[27];
  for (const [i, postId] of live.entries()) {
    if (i % 2 === 0) await link(postId, { targetPostId: live[(i + 7) % live.length] });
    if (i % 3 === 0) await link(postId, { url: `https://example.org/background/${i}`, title: `Background ${i}` });
    if (i % 4 === 1) await link(postId, { targetPostId: hidden.draft });
    if (i % 5 === 2) await link(postId, { targetPostId: live[(i + 3) % live.length], title: `Editor's title ${i}` });
    if (i % 6 === 3) await link(postId, { targetPostId: hidden.future });
    if (i % 7 === 4) await link(postId, { targetPostId: doomed.id });
  }
  // More curated live links than relatedPosts(limit: 3) returns, and one to the archived post.
  for (const target of [live[1], live[2], oldTwin.id, live[4], hidden.archived, pastSchedule.id]) {
    await link(curated, { targetPostId: target, position: 0 });
  }
  await api.gql(DeletePostDocument, { id: doomed.id }, { token: editor.token });

  for (const [i, postId] of live.slice(-22).entries()) {
    const first = await comment(postId, `First on ${i}`, 'staff');
    const reply = await comment(postId, `Reply to ${i}`, 'staff', first);
    await comment(postId, `A reply to the reply ${i}`, 'staff', reply);
    if (i % 2 === 0) await comment(postId, `Second on ${i}`, 'staff');
    const pending = await comment(postId, `Held ${i}`, 'reader');
    if (i % 3 === 0) await moderate(pending, 'APPROVED');
    if (i % 3 === 1) await moderate(pending, 'REJECTED');
    if (i % 2 === 1) {
      await comment(postId, `Third on ${i}`, 'staff');
      await comment(postId, `Fourth on ${i}`, 'staff');
    }
    if (i % 4 === 0) await moderate(first, 'REJECTED'); // its approved replies stay, out of the public thread
  }

  await api.db.query(`UPDATE posts SET published_at = now() - interval '3 hours' WHERE id = $1`, [
    rowId(pastSchedule.id),
  ]);
  // Two of the newest post's suggestions published at the same moment: the id breaks the tie.
  await api.db.query(`UPDATE posts SET published_at = (SELECT published_at FROM posts WHERE id = $1) WHERE id = $2`, [
    rowId(live[22]),
    rowId(live[25]),
  ]);
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await api.close();
});

async function handWritten(options: HandWrittenServerOptions = {}): Promise<string> {
  const server = await createHandWrittenServer((api.db.options as { url: string }).url, { poolSize: 2, ...options });
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/graphql`;
}

async function answer(url: string, feed: FeedName, first: number): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: feedRequestBody(feed, first),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('bench parity: the hand-written endpoint answers what Broadsheet answers', () => {
  const cases = PARITY_PAGES;

  it.each(cases)('%s(first: %i)', async (feed, first) => {
    const url = await handWritten();
    const expected = (await answer(api.url, feed, first)) as {
      data: { posts: { nodes: unknown[] } };
      errors?: unknown;
    };
    expect(expected.errors).toBeUndefined();
    expect(expected.data.posts.nodes).toHaveLength(Math.min(first, LIVE_POSTS));
    expect(await answer(url, feed, first)).toEqual(expected);
  });

  it('suggestions read from posts.tags give the same answers as from post_tags', async () => {
    const fromPosts = await handWritten({ suggestionsFrom: 'posts' });
    for (const first of [5, 20]) {
      expect(await answer(fromPosts, 'MobileFeed', first)).toEqual(await answer(api.url, 'MobileFeed', first));
    }
  });

  it('the data set exercises the rules the feeds apply', async () => {
    type MobileNode = {
      commentCount: number;
      comments: { nodes: Array<{ replies: unknown[] }> };
      relatedLinks: Array<{ targetPost: unknown; url: string }>;
      relatedPosts: unknown[];
    };
    const mobile = (await answer(api.url, 'MobileFeed', 100)) as { data: { posts: { nodes: MobileNode[] } } };
    const nodes = mobile.data.posts.nodes;
    expect(nodes.some((node) => node.comments.nodes.length === 3 && node.commentCount > 3)).toBe(true);
    expect(nodes.some((node) => node.comments.nodes.some((c) => c.replies.length > 0))).toBe(true);
    expect(
      nodes.some((node) => node.relatedLinks.some((l) => l.targetPost === null && l.url.startsWith('https:'))),
    ).toBe(true);
    expect(nodes.some((node) => node.relatedLinks.some((l) => l.targetPost !== null))).toBe(true);
    expect(nodes.every((node) => node.relatedPosts.length === 3)).toBe(true);
    // Every variant compared equal above; the comparison itself sees a difference.
    expect(isDeepStrictEqual(nodes[0], nodes[1])).toBe(false);
  });
});
