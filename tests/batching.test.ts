import { Role } from '../src/schema/enums';
import { NestedFeedDocument, UpdatePostDocument } from './generated/operations';
import { TestServer, startTestServer } from './helpers/test-server';
import { publishedPost } from './helpers/posts';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  const editor = await api.signUp(Role.EDITOR);
  const authors = await Promise.all([api.signUp(Role.AUTHOR), api.signUp(Role.AUTHOR), api.signUp(Role.AUTHOR), api.signUp(Role.EDITOR)]);
  for (let i = 0; i < 40; i += 1) {
    const author = authors[i % authors.length];
    const post = await publishedPost(api, author.token, { title: `Feed story ${i}`, tags: [`tag-${i % 5}`, 'feed'] });
    await api.gql(UpdatePostDocument, { id: post.id, expectedVersion: post.version, input: { excerpt: `Summary ${i}` } }, { token: editor.token });
  }
});
afterAll(() => api.close());

/** Runs the nested feed as an editor (so revisions resolve) and counts the SQL statements it sent. */
async function statementsFor(first: number, token: string) {
  api.statements.reset();
  const response = await api.gql(NestedFeedDocument, { first }, { token });
  expect(response.errors).toBeUndefined();
  expect(response.data!.posts.nodes).toHaveLength(first);
  return { count: api.statements.count, nodes: response.data!.posts.nodes };
}

describe('batching', () => {
  it('a nested feed of 5 and of 40 posts sends the same small number of SQL statements', async () => {
    const editor = await api.signUp(Role.EDITOR);
    const five = await statementsFor(5, editor.token);
    const forty = await statementsFor(40, editor.token);
    // posts, authors, each author's latest posts, revisions: one statement each, whatever the page size.
    expect(forty.count).toBe(five.count);
    expect(five.count).toBeGreaterThan(0);
    expect(forty.count).toBeLessThanOrEqual(4);
    // And the data really is there.
    expect(forty.nodes.every((node) => node.author.name && node.author.posts.nodes.length > 0 && node.revisions.length === 2)).toBe(true);
  });
});
