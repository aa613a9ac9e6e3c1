import { Role } from '../../src/domain/enums';
import { encodeCursor } from '../../src/pagination/cursor';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions: { code: string; field?: string } }> };
}

/** Input a hostile or careless client sends: a clear 4xx error, never INTERNAL_SERVER_ERROR, nothing stored. */
describe('bad input', () => {
  let api: TestServer;
  let editorToken: string;
  let postId: string;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR });
    api = newsroom.api;
    editorToken = newsroom.editor.token;
    postId = (await publishedPost(api, editorToken, { title: 'A story to comment on', tags: ['harbour'] })).id;
  });
  afterAll(() => api.close());

  const send = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> => {
    const response = await api.post(
      JSON.stringify({ query, variables }),
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const firstError = (answer: Answer) => answer.body.errors?.[0];

  describe('a NUL character in any text input', () => {
    it.each([
      ['search, as a literal', '{ search(query: "a\\u0000b") { totalCount } }', {}, 'query'],
      ['post(slug:), as a variable', 'query($s: String) { post(slug: $s) { id } }', { s: 'x\u0000' }, 's'],
      [
        'posts(filter: {tag}), inside an input object',
        '{ posts(first: 1, filter: { tag: "x\\u0000" }) { totalCount } }',
        {},
        'filter.tag',
      ],
      [
        'login(email:), anonymously',
        'mutation($e: String!) { login(email: $e, password: "whatever pass") { token } }',
        { e: 'a\u0000@example.com' },
        'e',
      ],
      ['a cursor', 'query($c: String) { posts(first: 1, after: $c) { totalCount } }', { c: '\u0000' }, 'c'],
      [
        'search, inside a fragment',
        'query { ...F } fragment F on Query { search(query: "a\\u0000b") { totalCount } }',
        {},
        'query',
      ],
      ["a variable's default value", 'query($q: String! = "a\\u0000") { search(query: $q) { totalCount } }', {}, 'q'],
    ])('is BAD_USER_INPUT naming the field: %s', async (_case, query, variables, field) => {
      const answer = await send(query, variables);
      expect(answer.status).toBe(400);
      expect(firstError(answer)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(firstError(answer)!.message).toMatch(/NUL/);
    });

    it('stores nothing: a comment body with NUL among other fields', async () => {
      const before = await api.db.query('SELECT count(*)::int AS n FROM comments');
      const answer = await send('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
        input: { postId, authorName: 'Ann', body: 'fine words\u0000and then' },
      });
      expect(firstError(answer)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.body' } });
      expect(await api.db.query('SELECT count(*)::int AS n FROM comments')).toEqual(before);
    });

    it('in a list item names the item', async () => {
      const answer = await send(
        'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
        { input: { title: 'Tagged', body: '<p>x</p>', tags: ['fine', 'bad\u0000'] } },
        editorToken,
      );
      expect(firstError(answer)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.tags[1]' } });
    });
  });

  describe('instants outside what PostgreSQL stores', () => {
    it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00'])(
      'publishPost(publishAt: %s) is BAD_USER_INPUT and leaves the draft a draft',
      async (publishAt) => {
        const draft = await draftPost(api, editorToken);
        const answer = await send(
          'mutation($id: ID!, $at: DateTime) { publishPost(id: $id, publishAt: $at) { status } }',
          { id: draft.id, at: publishAt },
          editorToken,
        );
        expect(firstError(answer)?.extensions.code).toBe('BAD_USER_INPUT');
        expect(firstError(answer)?.message).toMatch(/between 0001-01-01 and 9999-12-31/);
        const [row] = await api.db.query('SELECT status FROM posts WHERE slug = $1', [draft.slug]);
        expect(row.status).toBe('DRAFT');
      },
    );

    it.each([
      [
        'a year-0 instant on the published list',
        'posts',
        encodeCursor('published', { value: '0000-06-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' }),
      ],
      [
        'a NUL in a name cursor on the authors list',
        'authors',
        encodeCursor('name', { value: 'a\u0000', id: '00000000-0000-4000-8000-000000000000' }),
      ],
    ])('a forged cursor with %s is BAD_USER_INPUT', async (_case, list, cursor) => {
      const answer = await send(`query($c: String) { ${list}(first: 2, after: $c) { totalCount } }`, { c: cursor });
      expect(firstError(answer)?.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('documents the parser cannot or should not take', () => {
    it('a document nested thousands of levels deep is QUERY_TOO_COMPLEX, not a stack overflow', async () => {
      const query = `{ posts(first: 1, filter: ${'{ tag: '.repeat(3000)}"x"${' }'.repeat(3000)}) { totalCount } }`;
      const answer = await send(query);
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(JSON.stringify(answer.body)).not.toMatch(/call stack/i);
    });

    it('a deep document behind 1,000 other query-string parameters of a GET is refused too', async () => {
      // Within Node's 16 KB limit on a request's head: 1,500 levels (the parser's stack gives out
      // at about that) and 1,001 one-letter parameters.
      const deep = `{ posts(first: 1, filter: { tag: ${'['.repeat(1500)}"x"${']'.repeat(1500)} }) { totalCount } }`;
      const padding = 'a&'.repeat(1001);
      const response = await fetch(`${api.url}?${padding}query=${encodeURIComponent(deep)}`);
      const body = (await response.json()) as Answer['body'];
      expect(response.status).toBe(400);
      expect(body.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('a document of more tokens than any real operation is refused by the parser, quickly', async () => {
      const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const answer = await send(query);
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(firstError(answer)?.message).toMatch(/tokens/);
    });
  });

  describe("the client's protocol mistakes stay the client's", () => {
    it('a persisted-query hash that does not match the query', async () => {
      const response = await api.post(
        JSON.stringify({
          query: '{ posts(first: 1) { totalCount } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
        }),
      );
      const body = (await response.json()) as Answer['body'];
      expect(response.status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: 'provided sha does not match query',
        extensions: { code: 'BAD_REQUEST' },
      });
    });

    it('a body that claims gzip but is not', async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: 'this is not gzip',
      });
      const body = (await response.json()) as Answer['body'];
      expect(response.status).toBe(400);
      expect(body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('a subscription sent over HTTP POST', async () => {
      const answer = await send('subscription { commentAdded(postId: "x") { id } }');
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.extensions.code).toBe('BAD_REQUEST');
      expect(firstError(answer)?.message).toMatch(/WebSocket/);
    });
  });
});
