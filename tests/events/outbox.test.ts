import { inTransaction } from '../../src/db/transaction';
import { Role } from '../../src/domain/enums';
import { recordEvents } from '../../src/events/outbox';
import { fromGlobalId } from '../../src/schema/global-id';
import {
  AddCommentDocument,
  AddRelatedLinkDocument,
  ArchivePostDocument,
  DeleteCommentDocument,
  DeletePostDocument,
  ModerateCommentDocument,
  PublishPostDocument,
  SetFeaturedDocument,
  UnpublishPostDocument,
  UpdateAuthorDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

interface EventRow {
  seq: string;
  type: string;
  postId: string | null;
  commentId: string | null;
  authorId: string | null;
  cacheKeys: string[];
  payload: Record<string, unknown>;
}

/** Every change readers care about leaves an event, written in the transaction of the change. */
describe('the event outbox', () => {
  let api: TestServer;
  let editor: { id: string; token: string };
  beforeAll(async () => {
    ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }));
  });
  afterAll(() => api.close());

  const rowId = (globalId: string) => fromGlobalId(globalId, 'id').id;
  const lastSeq = async () =>
    (await api.db.query('SELECT coalesce(max(seq), 0)::text AS seq FROM events'))[0].seq as string;
  const eventsAfter = async (seq: string) =>
    (await api.db.query(
      `SELECT seq::text, type, post_id AS "postId", comment_id AS "commentId", author_id AS "authorId",
              cache_keys AS "cacheKeys", payload FROM events WHERE events.seq > $1 ORDER BY events.seq`,
      [seq],
    )) as EventRow[];
  /** The events one change left, by running it between two reads of the outbox. */
  const eventsOf = async (change: () => Promise<unknown>) => {
    const before = await lastSeq();
    await change();
    return eventsAfter(before);
  };

  it('a draft is nobody’s news; publishing it is, with the keys of its page, lists, tags and author', async () => {
    let draft: { id: string } | undefined;
    expect(
      await eventsOf(async () => (draft = await draftPost(api, editor.token, { tags: ['harbour', 'seals'] }))),
    ).toEqual([]);
    const [published] = await eventsOf(() => api.gql(PublishPostDocument, { id: draft!.id }, { token: editor.token }));
    expect(published).toMatchObject({ type: 'post.published', postId: rowId(draft!.id), authorId: rowId(editor.id) });
    expect(published.cacheKeys.sort()).toEqual(
      [`post:${draft!.id}`, 'list:post', `author:${editor.id}`, 'tag:harbour', 'tag:seals'].sort(),
    );
  });

  it('a future publishAt is post.scheduled, not published', async () => {
    const draft = await draftPost(api, editor.token);
    const events = await eventsOf(() =>
      api.gql(PublishPostDocument, { id: draft.id, publishAt: '2099-01-01T00:00:00.000Z' }, { token: editor.token }),
    );
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['post.scheduled', { publishAt: '2099-01-01T00:00:00.000Z' }],
    ]);
  });

  it('a retag is post.updated with the old and the new tags among its keys', async () => {
    const post = await publishedPost(api, editor.token, { tags: ['old-tag'] });
    const [updated] = await eventsOf(() =>
      api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: post.version, input: { tags: ['new-tag'] } },
        { token: editor.token },
      ),
    );
    expect(updated.type).toBe('post.updated');
    expect(updated.cacheKeys).toEqual(expect.arrayContaining(['tag:old-tag', 'tag:new-tag']));
  });

  it('featuring, unpublishing, archiving and deleting each say so', async () => {
    const post = await publishedPost(api, editor.token);
    const featured = await eventsOf(() =>
      api.gql(SetFeaturedDocument, { id: post.id, featured: true }, { token: editor.token }),
    );
    expect(featured).toMatchObject([{ type: 'post.featured', payload: { featured: true } }]);
    expect(featured[0].cacheKeys).toContain('featured');
    expect(
      (await eventsOf(() => api.gql(UnpublishPostDocument, { id: post.id }, { token: editor.token }))).map(
        (e) => e.type,
      ),
    ).toEqual(['post.unpublished']);
    const live = await publishedPost(api, editor.token);
    expect(
      (await eventsOf(() => api.gql(ArchivePostDocument, { id: live.id }, { token: editor.token }))).map((e) => e.type),
    ).toEqual(['post.archived']);

    const linking = await publishedPost(api, editor.token);
    await api.gql(
      AddRelatedLinkDocument,
      { postId: linking.id, input: { targetPostId: post.id } },
      { token: editor.token },
    );
    const [deleted] = await eventsOf(() => api.gql(DeletePostDocument, { id: post.id }, { token: editor.token }));
    expect(deleted).toMatchObject({ type: 'post.deleted', postId: rowId(post.id) });
    // The post was a draft (unpublished above): readers saw nothing of it but the link to it from a live post.
    expect([...deleted.cacheKeys].sort()).toEqual(['list:post', `post:${linking.id}`]);
  });

  it('comments: added (with its status), approved, rejected and deleted, each keyed to its post', async () => {
    const post = await publishedPost(api, editor.token);
    let commentId = '';
    const [added] = await eventsOf(async () => {
      const answer = await api.gql(AddCommentDocument, {
        input: { postId: post.id, authorName: 'Ann', body: 'First!' },
      });
      commentId = answer.data!.addComment.id;
    });
    expect(added).toMatchObject({ type: 'comment.added', commentId: rowId(commentId), payload: { status: 'PENDING' } });
    // A pending comment changes nothing readers see: it purges nothing (issue 16, item 9).
    expect(added.cacheKeys).toEqual([]);
    const moderate = (status: 'APPROVED' | 'SPAM') =>
      eventsOf(() => api.gql(ModerateCommentDocument, { id: commentId, status }, { token: editor.token }));
    expect((await moderate('APPROVED')).map((e) => e.type)).toEqual(['comment.approved']);
    expect(await moderate('APPROVED')).toEqual([]); // no change, no news
    expect((await moderate('SPAM')).map((e) => [e.type, e.payload])).toEqual([
      ['comment.rejected', { status: 'SPAM' }],
    ]);
    expect(
      (await eventsOf(() => api.gql(DeleteCommentDocument, { id: commentId }, { token: editor.token }))).map(
        (e) => e.type,
      ),
    ).toEqual(['comment.deleted']);
  });

  it("links and authors: a post's curated links changed, an author's profile changed", async () => {
    const [from, to] = [await publishedPost(api, editor.token), await publishedPost(api, editor.token)];
    const linked = await eventsOf(() =>
      api.gql(AddRelatedLinkDocument, { postId: from.id, input: { targetPostId: to.id } }, { token: editor.token }),
    );
    expect(linked).toMatchObject([{ type: 'related-links.changed', cacheKeys: [`post:${from.id}`, 'list:post'] }]);
    const renamed = await eventsOf(() =>
      api.gql(UpdateAuthorDocument, { id: editor.id, input: { name: 'Renamed Editor' } }, { token: editor.token }),
    );
    expect(renamed).toMatchObject([{ type: 'author.updated', cacheKeys: [`author:${editor.id}`, 'list:post'] }]);
  });

  it('a refused or rolled-back change leaves no event, and sequence numbers only grow', async () => {
    const post = await publishedPost(api, editor.token);
    const conflict = await eventsOf(() =>
      api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: post.version + 5, input: { title: 'Too late' } },
        { token: editor.token },
      ),
    );
    expect(conflict).toEqual([]);
    const rolledBack = await eventsOf(() =>
      inTransaction(api.db.manager, async (m) => {
        await recordEvents(m, [{ type: 'post.updated', cacheKeys: ['list:post'] }]);
        throw new Error('the change failed after its event was written');
      }).catch(() => undefined),
    );
    expect(rolledBack).toEqual([]);
    const all = await eventsAfter('0');
    const seqs = all.map((event) => BigInt(event.seq));
    expect(seqs.length).toBeGreaterThan(1);
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1])).toBe(true);
  });
});
