import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  CommentByIdDocument,
  CommentNodeDocument,
  DeleteCommentDocument,
  DeletePostDocument,
  ModerateCommentDocument,
  ModerationQueueDocument,
  PostThreadDocument,
  type AddCommentInput,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';

let api: TestServer;
let editor: SignedIn;
let author: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  ({ api, editor, author, admin } = await startNewsroom(
    {
      editor: { role: Role.EDITOR, name: 'Eda Editor' },
      author: { role: Role.AUTHOR, name: 'Aki Author' },
      admin: Role.ADMIN,
    },
    { commentsPerMinute: 3 },
  ));
});
afterAll(() => api.close());

let ipCounter = 0;
/** Each reader comes from their own address, so the per-IP limit only bites where a test wants it. */
const reader = (ip = `10.1.0.${++ipCounter}`) => ({ headers: { 'x-forwarded-for': ip } });

async function comment(
  input: AddCommentInput,
  options: { token?: string; headers?: Record<string, string> } = reader(),
) {
  const response = await api.gql(AddCommentDocument, { input }, options);
  if (!response.data?.addComment) throw new Error(JSON.stringify(response.errors));
  return response.data.addComment;
}
const approve = (id: string) => api.gql(ModerateCommentDocument, { id, status: 'APPROVED' }, { token: editor.token });
const thread = async (postId: string, token?: string) =>
  (await api.gql(PostThreadDocument, { id: postId }, { token })).data!.post!;

describe('adding comments', () => {
  it("a reader's comment starts PENDING, is returned to its writer exactly as written, and is hidden from everyone else until approved", async () => {
    const post = await publishedPost(api, author.token);
    const body = '  <b>Not HTML</b> & "quotes"\nsecond line  ';
    const pending = await comment({ postId: post.id, authorName: ' Rosa ', body });
    expect(pending).toMatchObject({ status: 'PENDING', body, authorName: 'Rosa', author: null });

    expect(await thread(post.id)).toMatchObject({ commentCount: 0, comments: { totalCount: 0, nodes: [] } });
    expect((await api.gql(CommentByIdDocument, { id: pending.id })).data?.comment).toBeNull();
    // Moderators see it.
    expect(
      (await api.gql(CommentByIdDocument, { id: pending.id }, { token: editor.token })).data?.comment?.status,
    ).toBe('PENDING');

    await approve(pending.id);
    const visible = await thread(post.id);
    expect(visible.commentCount).toBe(1);
    expect(visible.comments.nodes[0]).toMatchObject({ id: pending.id, body, authorName: 'Rosa' });
  });

  it('signed-in staff comment as themselves, APPROVED at once', async () => {
    const post = await publishedPost(api, author.token);
    const own = await comment(
      { postId: post.id, body: 'Correction: the meeting is on Tuesday.', authorName: 'ignored' },
      { token: author.token },
    );
    expect(own).toMatchObject({
      status: 'APPROVED',
      authorName: 'Aki Author',
      author: { id: author.id, name: 'Aki Author' },
    });
    expect((await thread(post.id)).commentCount).toBe(1);
  });

  it('link-heavy bodies are held as PENDING even from staff', async () => {
    const post = await publishedPost(api, author.token);
    const spammy = await comment(
      { postId: post.id, body: 'Deals at https://a.example and www.b.example.com' },
      { token: editor.token },
    );
    expect(spammy.status).toBe('PENDING');
    const oneLink = await comment(
      { postId: post.id, body: 'Source: https://council.example.org/minutes' },
      { token: editor.token },
    );
    expect(oneLink.status).toBe('APPROVED');
  });

  it.each([
    [{ body: '' }, 'body'],
    [{ body: '   \n ' }, 'body'],
    [{ body: 'x'.repeat(5001) }, 'body'],
    [{ body: 'fine', authorName: '' }, 'authorName'],
    [{ body: 'fine', authorName: null }, 'authorName'],
  ])('bad input %o is BAD_USER_INPUT on %s', async (change, field) => {
    const post = await publishedPost(api, author.token);
    const response = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, authorName: 'Rosa', ...change } as AddCommentInput },
      reader(),
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe(field);
  });

  it('5000 characters (counting emoji as one) are fine', async () => {
    const post = await publishedPost(api, author.token);
    const body = '🦭'.repeat(5000);
    expect((await comment({ postId: post.id, authorName: 'Seal fan', body })).body).toBe(body);
  });

  it('comments on a post readers cannot see are NOT_FOUND, for staff too', async () => {
    const draft = await draftPost(api, author.token);
    const scheduled = await publishedPost(api, author.token, {}, new Date(Date.now() + 3_600_000).toISOString());
    for (const post of [draft, scheduled]) {
      expect(
        errorCode(
          await api.gql(AddCommentDocument, { input: { postId: post.id, authorName: 'R', body: 'hi' } }, reader()),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await api.gql(AddCommentDocument, { input: { postId: post.id, body: 'hi' } }, { token: author.token }),
        ),
      ).toBe('NOT_FOUND');
    }
    expect(
      errorCode(
        await api.gql(AddCommentDocument, { input: { postId: 'garbage', authorName: 'R', body: 'hi' } }, reader()),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('threads', () => {
  it('replies hang under approved comments of the same post, oldest first, and count towards commentCount', async () => {
    const post = await publishedPost(api, author.token);
    const top = await comment({ postId: post.id, body: 'First!' }, { token: editor.token });
    const reply1 = await comment({ postId: post.id, parentId: top.id, body: 'Reply one' }, { token: author.token });
    const reply2 = await comment({ postId: post.id, parentId: top.id, authorName: 'Rosa', body: 'Reply two' });
    const nested = await comment(
      { postId: post.id, parentId: reply1.id, body: 'Reply to reply' },
      { token: editor.token },
    );
    expect(reply1.parent?.id).toBe(top.id);

    let view = await thread(post.id);
    expect(view.commentCount).toBe(3);
    expect(view.comments.nodes).toHaveLength(1);
    expect(view.comments.nodes[0].replies.map((r) => r.body)).toEqual(['Reply one']);
    expect(view.comments.nodes[0].replies[0].replies.map((r) => r.id)).toEqual([nested.id]);

    await approve(reply2.id);
    view = await thread(post.id);
    expect(view.commentCount).toBe(4);
    expect(view.comments.nodes[0].replies.map((r) => r.body)).toEqual(['Reply one', 'Reply two']);
  });

  it('a reply to a comment of another post, or to one not approved, is BAD_USER_INPUT; to a missing one NOT_FOUND', async () => {
    const [a, b] = [await publishedPost(api, author.token), await publishedPost(api, author.token)];
    const onA = await comment({ postId: a.id, body: 'On A' }, { token: editor.token });
    const pendingOnB = await comment({ postId: b.id, authorName: 'R', body: 'Pending on B' });
    const wrongPost = await api.gql(
      AddCommentDocument,
      { input: { postId: b.id, parentId: onA.id, body: 'x' } },
      { token: editor.token },
    );
    expect(errorCode(wrongPost)).toBe('BAD_USER_INPUT');
    expect(wrongPost.errors![0].extensions?.field).toBe('parentId');
    expect(
      errorCode(
        await api.gql(
          AddCommentDocument,
          { input: { postId: b.id, parentId: pendingOnB.id, body: 'x' } },
          { token: editor.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const ghost = Buffer.from('Comment:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(
      errorCode(
        await api.gql(
          AddCommentDocument,
          { input: { postId: b.id, parentId: ghost, body: 'x' } },
          { token: editor.token },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('Post.comments pages through top-level comments oldest first', async () => {
    const post = await publishedPost(api, author.token);
    const ids = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await comment({ postId: post.id, body: `Comment ${i}` }, { token: editor.token })).id);
    const first = (await api.gql(PostThreadDocument, { id: post.id, first: 2 })).data!.post!.comments;
    expect(first.nodes.map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const rest = (await api.gql(PostThreadDocument, { id: post.id, first: 10, after: first.pageInfo.endCursor })).data!
      .post!.comments;
    expect(rest.nodes.map((n) => n.id)).toEqual(ids.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});

describe('moderation', () => {
  it('the queue is for editors and admins: authors are FORBIDDEN, readers UNAUTHENTICATED', async () => {
    expect(errorCode(await api.gql(ModerationQueueDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ModerationQueueDocument, {}, { token: author.token }))).toBe('FORBIDDEN');
    expect((await api.gql(ModerationQueueDocument, {}, { token: admin.token })).errors).toBeUndefined();
  });

  it('lists pending comments oldest first, and each status on request', async () => {
    const post = await publishedPost(api, author.token);
    const a = await comment({ postId: post.id, authorName: 'A', body: 'queue A' });
    const b = await comment({ postId: post.id, authorName: 'B', body: 'queue B' });
    const pending = (
      await api.gql(ModerationQueueDocument, { first: 100 }, { token: editor.token })
    ).data!.moderationQueue.nodes.map((n) => n.id);
    expect(pending.indexOf(a.id)).toBeLessThan(pending.indexOf(b.id));
    await api.gql(ModerateCommentDocument, { id: a.id, status: 'SPAM' }, { token: admin.token });
    const spam = (
      await api.gql(ModerationQueueDocument, { status: 'SPAM', first: 100 }, { token: editor.token })
    ).data!.moderationQueue.nodes.map((n) => n.id);
    expect(spam).toContain(a.id);
    const stillPending = (
      await api.gql(ModerationQueueDocument, { first: 100 }, { token: editor.token })
    ).data!.moderationQueue.nodes.map((n) => n.id);
    expect(stillPending).not.toContain(a.id);
  });

  it.each(['SPAM', 'REJECTED', 'PENDING'] as const)(
    'moving an approved comment to %s hides it (and its replies) from readers again',
    async (status) => {
      const post = await publishedPost(api, author.token);
      const top = await comment({ postId: post.id, body: 'Top' }, { token: editor.token });
      await comment({ postId: post.id, parentId: top.id, body: 'Reply' }, { token: editor.token });
      expect((await thread(post.id)).commentCount).toBe(2);
      expect(
        (await api.gql(ModerateCommentDocument, { id: top.id, status }, { token: editor.token })).data?.moderateComment
          .status,
      ).toBe(status);
      expect(await thread(post.id)).toMatchObject({ commentCount: 0, comments: { nodes: [] } });
      expect((await api.gql(CommentNodeDocument, { id: top.id })).data?.node).toBeNull();
    },
  );

  it('only editors and admins moderate and delete; deleting takes the replies along', async () => {
    const post = await publishedPost(api, author.token);
    const top = await comment({ postId: post.id, body: 'Top' }, { token: editor.token });
    const reply = await comment({ postId: post.id, parentId: top.id, body: 'Reply' }, { token: editor.token });
    expect(
      errorCode(await api.gql(ModerateCommentDocument, { id: top.id, status: 'SPAM' }, { token: author.token })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DeleteCommentDocument, { id: top.id }, { token: author.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DeleteCommentDocument, { id: top.id }))).toBe('UNAUTHENTICATED');

    expect((await api.gql(DeleteCommentDocument, { id: top.id }, { token: admin.token })).data?.deleteComment).toBe(
      true,
    );
    expect((await api.gql(CommentByIdDocument, { id: reply.id }, { token: admin.token })).data?.comment).toBeNull();
    expect(errorCode(await api.gql(DeleteCommentDocument, { id: top.id }, { token: admin.token }))).toBe('NOT_FOUND');
    expect(
      errorCode(await api.gql(ModerateCommentDocument, { id: top.id, status: 'APPROVED' }, { token: admin.token })),
    ).toBe('NOT_FOUND');
  });

  it('comments are fetched again by node id under the same rules', async () => {
    const post = await publishedPost(api, author.token);
    const approved = await comment({ postId: post.id, body: 'Hello' }, { token: editor.token });
    expect((await api.gql(CommentNodeDocument, { id: approved.id })).data?.node).toMatchObject({
      __typename: 'Comment',
      id: approved.id,
      body: 'Hello',
    });
  });
});

describe('spam guard', () => {
  it('a reader gets 3 comments a minute from one address (as configured), then RATE_LIMITED; other readers and staff are not held', async () => {
    const post = await publishedPost(api, author.token);
    const sameIp = reader('10.9.9.9');
    for (let i = 0; i < 3; i += 1)
      await comment({ postId: post.id, authorName: 'Flood', body: `Comment ${i}` }, sameIp);
    const limited = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, authorName: 'Flood', body: 'one more' } },
      sameIp,
    );
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await comment({ postId: post.id, authorName: 'Other', body: 'hi' }, reader('10.9.9.10'))).status).toBe(
      'PENDING',
    );
    expect(
      (
        await comment(
          { postId: post.id, body: 'staff' },
          { token: editor.token, headers: { 'x-forwarded-for': '10.9.9.9' } },
        )
      ).status,
    ).toBe('APPROVED');
  });
});

describe('cascade', () => {
  it('deleting a post removes its comments', async () => {
    const post = await publishedPost(api, author.token);
    const c = await comment({ postId: post.id, body: 'Soon gone' }, { token: editor.token });
    await api.gql(DeletePostDocument, { id: post.id }, { token: editor.token });
    expect((await api.gql(CommentByIdDocument, { id: c.id }, { token: admin.token })).data?.comment).toBeNull();
    const [{ count }] = await api.db.query('SELECT count(*)::int AS count FROM comments WHERE post_id = $1', [
      Buffer.from(post.id, 'base64url').toString().split(':')[1],
    ]);
    expect(count).toBe(0);
  });
});
