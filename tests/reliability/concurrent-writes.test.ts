import { Role } from '../../src/domain/enums';
import {
  AddRelatedLinkDocument,
  DeletePostDocument,
  PostRevisionsDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost } from '../helpers/posts';
import { TestServer, errorCode } from '../helpers/test-server';

let api: TestServer;
let token: string;
beforeAll(async () => {
  const newsroom = await startNewsroom({ editor: Role.EDITOR });
  api = newsroom.api;
  token = newsroom.editor.token;
});
afterAll(() => api.close());

/**
 * Writes that take the same rows in opposite orders. PostgreSQL ends one of two deadlocked
 * transactions with 40P01; clients must never see that as INTERNAL_SERVER_ERROR.
 */
describe('concurrent writes over the same posts', () => {
  const link = (from: string, to: string) =>
    api.gql(AddRelatedLinkDocument, { postId: from, input: { targetPostId: to } }, { token });

  it('A->B and B->A added together both succeed, ten times out of ten', async () => {
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = await Promise.all([draftPost(api, token), draftPost(api, token)]);
      const [ab, ba] = await Promise.all([link(a.id, b.id), link(b.id, a.id)]);
      expect(ab.errors).toBeUndefined();
      expect(ba.errors).toBeUndefined();
      expect(ab.data!.addRelatedLink.targetPost!.id).toBe(b.id);
      expect(ba.data!.addRelatedLink.targetPost!.id).toBe(a.id);
    }
  });

  it('two posts that link to each other, deleted together, are both deleted with their links', async () => {
    for (let round = 0; round < 20; round += 1) {
      const [a, b] = await Promise.all([draftPost(api, token), draftPost(api, token)]);
      await link(a.id, b.id);
      await link(b.id, a.id);
      const answers = await Promise.all([
        api.gql(DeletePostDocument, { id: a.id }, { token }),
        api.gql(DeletePostDocument, { id: b.id }, { token }),
      ]);
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual({ deletePost: true });
      }
    }
    const [left] = await api.db.query(
      `SELECT count(*)::int AS n FROM related_links l LEFT JOIN posts p ON p.id = l.post_id WHERE p.id IS NULL`,
    );
    expect(left.n).toBe(0);
  });
});

/** Parallel updates of one post: the version guards the write, so exactly one lands. */
describe('optimistic concurrency on updatePost', () => {
  it('20 parallel updates with the same expectedVersion: exactly one wins, the others get CONFLICT and change nothing', async () => {
    const editor = await api.signUp(Role.EDITOR);
    const post = await draftPost(api, editor.token, { title: 'Before' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(
          UpdatePostDocument,
          { id: post.id, expectedVersion: post.version, input: { title: `Writer ${i}`, tags: [`writer-${i}`] } },
          { token: editor.token },
        ),
      ),
    );
    const winners = responses.filter((response) => response.data?.updatePost);
    const losers = responses.filter((response) => errorCode(response) === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);

    const final = (await api.gql(PostRevisionsDocument, { id: post.id }, { token: editor.token })).data!.post!;
    const winner = winners[0].data!.updatePost;
    expect(final.version).toBe(2);
    // The winner's title and tags went in together, and exactly one revision (of "Before") was written.
    expect(winner.tags).toEqual([winner.title.replace('Writer ', 'writer-')]);
    expect(final.revisions.map((revision) => [revision.version, revision.title])).toEqual([[1, 'Before']]);
  });

  it('a stale expectedVersion is CONFLICT with nothing changed', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const post = await draftPost(api, author.token, { title: 'One' });
    await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: 1, input: { title: 'Two' } },
      { token: author.token },
    );
    const stale = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: 1, input: { title: 'Three' } },
      { token: author.token },
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    const current = (await api.gql(PostRevisionsDocument, { id: post.id }, { token: author.token })).data!.post!;
    expect(current.version).toBe(2);
    expect(current.revisions).toHaveLength(1);
  });
});
