import { Role } from '../src/domain/enums';
import { PostRevisionsDocument, UpdatePostDocument } from './generated/operations';
import { draftPost } from './helpers/posts';
import { TestServer, errorCode, startTestServer } from './helpers/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

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
