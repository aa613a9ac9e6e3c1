import { Role } from '../../src/domain/enums';
import { AddRelatedLinkDocument, DeletePostDocument } from '../generated/operations';
import { draftPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/**
 * Writes that take the same rows in opposite orders. PostgreSQL ends one of two deadlocked
 * transactions with 40P01; clients must never see that as INTERNAL_SERVER_ERROR.
 */
describe('concurrent writes over the same posts', () => {
  let api: TestServer;
  let token: string;
  beforeAll(async () => {
    api = await startTestServer();
    token = (await api.signUp(Role.EDITOR)).token;
  });
  afterAll(() => api.close());

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
