import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/domain/enums';
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
  UpdatePostDocument,
} from '../generated/operations';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/** A purge endpoint (Varnish xkey style) that records the keys of each request it is sent. */
async function startPurgeRecorder() {
  const purges: string[][] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      purges.push(String(req.headers['xkey-purge'] ?? '').split(' '));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    purges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Issue 16, item 9: a change no reader can see (a reader's comment waiting as PENDING, the
 * moderation of one nobody saw, a draft's edit) purged its post and every list page from the
 * CDN and the response cache, so anyone could empty them at 5 comments a minute. Events name
 * the keys of what readers see change, nothing more.
 */
describe('changes no reader can see purge nothing', () => {
  let recorder: Awaited<ReturnType<typeof startPurgeRecorder>>;
  let api: TestServer;
  let editor: { id: string; token: string };
  let marker: { id: string };
  let address = 0;
  beforeAll(async () => {
    recorder = await startPurgeRecorder();
    api = await startTestServer(
      { purge: { kind: 'http', url: recorder.url, method: 'PURGE', keysHeader: 'xkey-purge' } },
      { liveEvents: true },
    );
    editor = await api.signUp(Role.EDITOR);
    marker = await publishedPost(api, editor.token, { title: 'Marker' });
  });
  afterAll(async () => {
    await api.close();
    await recorder.close();
  });

  /** Waits until a purge sent after the `from`-th names `key`; returns every key purged since `from`. */
  const purgedSince = async (from: number, key: string) => {
    const deadline = Date.now() + 10_000;
    while (!recorder.purges.slice(from).some((keys) => keys.includes(key))) {
      if (Date.now() > deadline) throw new Error(`no purge of ${key}; got ${JSON.stringify(recorder.purges)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return [...new Set(recorder.purges.slice(from).flat())].sort();
  };

  /**
   * Every key purged because of `change`: after it, an editor comments on the marker post (a
   * change readers see); events are handed on in order, so once that purge has arrived, any
   * purge of `change` has too.
   */
  const purgedBy = async (change: () => Promise<unknown>) => {
    // First the purges of whatever came before: a change's events may reach the CDN in more than
    // one purge, and a test that waited for the first of them leaves the rest on their way
    // (CI once saw a comment deletion's second purge land in the next test's window).
    await markerPurged();
    const from = recorder.purges.length;
    await change();
    const keys = await markerPurged(from);
    return keys.filter((key) => key !== `post:${marker.id}` && key !== 'list:post');
  };
  /** An editor's comment on the marker post, once its purge has come: so have those of every event before it. */
  const markerPurged = async (from = recorder.purges.length) => {
    await api.gql(AddCommentDocument, { input: { postId: marker.id, body: 'Marker.' } }, { token: editor.token });
    return purgedSince(from, `post:${marker.id}`);
  };
  /** A post published, once its own purge has come and gone. */
  const livePost = async () => {
    const post = await publishedPost(api, editor.token);
    await purgedBy(async () => undefined);
    return post;
  };

  /** A reader's comment, from an address of its own (the comment limit is per address). */
  const readerComment = async (postId: string, body = 'A reader writes.') => {
    address += 1;
    const { data, errors } = await api.gql(
      AddCommentDocument,
      { input: { postId, authorName: 'Reader', body } },
      { headers: { 'x-forwarded-for': `203.0.113.${address}` } },
    );
    expect(errors).toBeUndefined();
    expect(data!.addComment.status).toBe('PENDING');
    return data!.addComment.id;
  };
  const moderate = (id: string, status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'SPAM') =>
    api.gql(ModerateCommentDocument, { id, status }, { token: editor.token });
  const deleteComment = (id: string) => api.gql(DeleteCommentDocument, { id }, { token: editor.token });

  it("a reader's pending comment purges nothing, though its event is recorded", async () => {
    const post = await livePost();
    let commentId = '';
    const only = await purgedBy(async () => {
      commentId = await readerComment(post.id);
      for (let i = 0; i < 4; i += 1) await readerComment(post.id);
    });
    expect(only).toEqual([]);
    const [event] = await api.db.query(`SELECT type, cache_keys AS "cacheKeys" FROM events WHERE comment_id = $1`, [
      fromGlobalId(commentId, 'id').id,
    ]);
    expect(event).toEqual({ type: 'comment.added', cacheKeys: [] });
  });

  it('rejecting, marking as spam or deleting comments no reader saw purges nothing', async () => {
    const post = await livePost();
    const [rejected, spam, deleted] = [
      await readerComment(post.id),
      await readerComment(post.id),
      await readerComment(post.id),
    ];
    const only = await purgedBy(async () => {
      expect((await moderate(rejected, 'REJECTED')).errors).toBeUndefined();
      expect((await moderate(spam, 'SPAM')).errors).toBeUndefined();
      expect((await moderate(rejected, 'SPAM')).errors).toBeUndefined();
      expect((await deleteComment(deleted)).errors).toBeUndefined();
      expect((await deleteComment(spam)).errors).toBeUndefined();
    });
    expect(only).toEqual([]);
  });

  it("what readers see does purge: an editor's comment, an approval, an approved comment rejected or deleted", async () => {
    const post = await livePost();
    const key = `post:${post.id}`;
    const expectPurge = async (change: () => Promise<unknown>) => {
      const from = recorder.purges.length;
      await change();
      expect(await purgedSince(from, key)).toEqual([key, 'list:post'].sort());
    };
    await expectPurge(() =>
      api.gql(AddCommentDocument, { input: { postId: post.id, body: 'Staff note.' } }, { token: editor.token }),
    );
    const approved = await readerComment(post.id);
    await expectPurge(() => moderate(approved, 'APPROVED'));
    await expectPurge(() => moderate(approved, 'SPAM'));
    await expectPurge(() => moderate(approved, 'APPROVED'));
    await expectPurge(() => deleteComment(approved));
  });

  it('deleting a held comment purges when an approved reply goes with it', async () => {
    const post = await livePost();
    const parent = await readerComment(post.id);
    await moderate(parent, 'APPROVED');
    const { data } = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, parentId: parent, body: 'A staff reply.' } },
      { token: editor.token },
    );
    expect(data!.addComment.status).toBe('APPROVED');
    await moderate(parent, 'PENDING');
    const from = recorder.purges.length;
    await deleteComment(parent);
    expect(await purgedSince(from, `post:${post.id}`)).toContain('list:post');
  });

  it("a draft's edits, links, featuring, archiving and deletion purge nothing; publishing it does", async () => {
    const draft = await draftPost(api, editor.token, { tags: ['unseen'] });
    const gone = await draftPost(api, editor.token, { tags: ['unseen'] });
    const only = await purgedBy(async () => {
      const edited = await api.gql(
        UpdatePostDocument,
        { id: draft.id, expectedVersion: draft.version, input: { title: 'Still a draft', tags: ['unseen-too'] } },
        { token: editor.token },
      );
      expect(edited.errors).toBeUndefined();
      await api.gql(SetFeaturedDocument, { id: draft.id, featured: true }, { token: editor.token });
      const link = { url: 'https://example.com/elsewhere', title: 'Elsewhere' };
      expect(
        (await api.gql(AddRelatedLinkDocument, { postId: draft.id, input: link }, { token: editor.token })).errors,
      ).toBeUndefined();
      await api.gql(ArchivePostDocument, { id: gone.id }, { token: editor.token });
      await api.gql(DeletePostDocument, { id: gone.id }, { token: editor.token });
    });
    expect(only).toEqual([]);
    const from = recorder.purges.length;
    await api.gql(PublishPostDocument, { id: draft.id }, { token: editor.token });
    expect(await purgedSince(from, `post:${draft.id}`)).toEqual(
      expect.arrayContaining([`post:${draft.id}`, 'list:post', 'featured', 'tag:unseen-too', `author:${editor.id}`]),
    );
  });

  it('deleting a draft purges the live posts that linked to it: their other links move up', async () => {
    const draft = await draftPost(api, editor.token);
    const linking = await livePost();
    await api.gql(
      AddRelatedLinkDocument,
      { postId: linking.id, input: { targetPostId: draft.id } },
      { token: editor.token },
    );
    const from = recorder.purges.length;
    await api.gql(DeletePostDocument, { id: draft.id }, { token: editor.token });
    expect(await purgedSince(from, `post:${linking.id}`)).not.toContain(`post:${draft.id}`);
  });

  it("keeps the response cache's answers: a reader's page stays cached through pending comments", async () => {
    const post = await livePost();
    const page = async () => {
      const query = `{ posts(first: 5) { nodes { id commentCount } } }`;
      const response = await fetch(`${api.url}?query=${encodeURIComponent(query)}`);
      const body = (await response.json()) as {
        data: { posts: { nodes: Array<{ id: string; commentCount: number }> } };
      };
      return {
        cache: response.headers.get('x-broadsheet-cache'),
        count: body.data.posts.nodes.find((node) => node.id === post.id)?.commentCount,
      };
    };
    await page();
    expect(await page()).toEqual({ cache: 'hit', count: 0 });
    const pending = await readerComment(post.id);
    expect(await page()).toEqual({ cache: 'hit', count: 0 });
    await moderate(pending, 'APPROVED');
    expect(await page()).toEqual({ cache: 'miss', count: 1 });
  });
});
