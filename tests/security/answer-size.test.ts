import { TestServer, startTestServer } from '../helpers/test-server';

/** Two budgets bound an answer: its objects, and its bytes with every text at its longest. */
describe('answer size', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  const costOf = async (query: string) => {
    const response = await api.post(JSON.stringify({ query }));
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> };
    return { status: response.status, error: body.errors?.[0] };
  };

  it.each([
    [
      '100 posts with 100 related posts each, with bodies',
      '{ posts(first: 100) { nodes { relatedPosts(limit: 100) { body } } } }',
    ],
    [
      '100 posts with 100 comments and their replies, with bodies',
      '{ posts(first: 100) { nodes { comments(first: 100) { nodes { body replies { body } } } } } }',
    ],
    ['100 posts with their revisions, with bodies', '{ posts(first: 100) { nodes { body revisions { body } } } }'],
  ])('refuses %s before reading anything', async (_case, query) => {
    const answer = await costOf(query);
    expect(answer.status).toBe(400);
    expect(answer.error?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses by size what the object count admits: 42,000 titles and slugs through 30 aliases', async () => {
    const page = 'posts(first: 100) { nodes { relatedPosts(limit: 14) { title slug } } }';
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${page}`).join(' ')} }`;
    const answer = await costOf(query);
    expect(answer.status).toBe(400);
    expect(answer.error?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(answer.error?.message).toMatch(/The answer could reach \d+\.\d MB; the limit is 20 MB/);
  });

  it("admits the contract's heaviest feed page and a page of 50 full posts", async () => {
    const feed = `{ posts(first: 50) { nodes { title tags author { name } comments(first: 3) { nodes { body replies { body } } }
      relatedLinks { title targetPost { slug } } relatedPosts(limit: 5) { slug author { name } } } } }`;
    expect((await costOf(feed)).error).toBeUndefined();
    expect((await costOf('{ posts(first: 50) { nodes { title body } } }')).error).toBeUndefined();
  });
});
