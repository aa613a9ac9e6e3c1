import type { Request } from 'express';
import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import {
  CostlyQueryDocument,
  ElevenLevelsDeepDocument,
  IntrospectTypesDocument,
  ManyAliasesDocument,
  TagsDocument,
  TenLevelsDeepDocument,
  ThirtyAliasesDocument,
  NodeDocument,
  CostlyBackwardsDocument,
  NegativeSiblingCostDocument,
  type TagsQuery,
  type TagsQueryVariables,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer, errorCode } from '../helpers/test-server';

let api: TestServer;
beforeAll(async () => {
  const newsroom = await startNewsroom({ author: Role.AUTHOR });
  api = newsroom.api;
  await publishedPost(api, newsroom.author.token, { tags: ['limits'] });
});
afterAll(() => api.close());

describe('operation limits (QUERY_TOO_COMPLEX, refused before any SQL)', () => {
  async function expectRefused(
    run: () => Promise<{ status: number; errors?: Array<{ extensions?: { code?: string } }> }>,
  ) {
    api.statements.reset();
    const response = await run();
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.status).toBe(400);
    expect(api.statements.count).toBe(0);
  }

  it('10 levels deep is fine, 11 is refused', async () => {
    expect((await api.gql(TenLevelsDeepDocument, {})).errors).toBeUndefined();
    await expectRefused(() => api.gql(ElevenLevelsDeepDocument, {}));
  });

  it('30 aliases are fine, 31 are refused', async () => {
    expect((await api.gql(ThirtyAliasesDocument, {})).errors).toBeUndefined();
    await expectRefused(() => api.gql(ManyAliasesDocument, {}));
  });

  it('lists that multiply out past the budget are refused; the same shape with small pages is fine', async () => {
    expect((await api.gql(CostlyQueryDocument, { first: 5, inner: 5 })).errors).toBeUndefined();
    await expectRefused(() => api.gql(CostlyQueryDocument, { first: 100, inner: 100 }));
  });

  it('an estimate kept for a document still refuses its variables when they do not fit (BAD_USER_INPUT)', async () => {
    expect((await api.gql(CostlyQueryDocument, { first: 5, inner: 5 })).errors).toBeUndefined();
    const bad = await api.gql(CostlyQueryDocument, { first: 'five' as unknown as number, inner: 5 });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'BAD_USER_INPUT']);
    await expectRefused(() => api.gql(CostlyQueryDocument, { first: 5, inner: 100 }));
  });

  it('the budget counts `last` when given, and an out-of-range size cannot cancel out its siblings', async () => {
    await expectRefused(() => api.gql(CostlyBackwardsDocument, { last: 100 }));
    await expectRefused(() => api.gql(NegativeSiblingCostDocument, {}));
  });

  it("Sandbox's deep introspection is not held by the depth limit", async () => {
    const response = await api.gql(IntrospectTypesDocument, {});
    expect(response.errors).toBeUndefined();
    expect(response.data!.__schema.types.some((type) => type.name === 'Post')).toBe(true);
  });

  it('executeOperation on the same server factory applies the same limits', async () => {
    const contextValue = await api.server.createContext({
      req: { headers: {}, ip: '127.0.0.1', socket: {} } as unknown as Request,
    });
    const refused = await api.server.apollo.executeOperation({ query: ManyAliasesDocument }, { contextValue });
    expect(refused.body.kind === 'single' && refused.body.singleResult.errors?.[0].extensions?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    const fine = await api.server.apollo.executeOperation<TagsQuery, TagsQueryVariables>(
      { query: TagsDocument, variables: { limit: 5 } },
      { contextValue },
    );
    expect(fine.body.kind === 'single' && fine.body.singleResult.data?.tags).toEqual([{ tag: 'limits', count: 1 }]);
  });
});

describe('HTTP', () => {
  it('GET /healthz answers 200 with JSON while the process runs', async () => {
    const response = await fetch(api.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers refused before GraphQL runs are never cached (Cache-Control: private, no-store)', async () => {
    const response = await api.post('{"query": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('queries work over GET too', async () => {
    const params = new URLSearchParams({ query: print(TagsDocument), variables: JSON.stringify({ limit: 1 }) });
    const response = await fetch(`${api.url}?${params}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { tags: [{ tag: 'limits', count: 1 }] } });
  });

  it('a body over 1 MB is refused with 413', async () => {
    const response = await api.post(
      JSON.stringify({ query: print(TagsDocument), variables: { limit: 1, padding: 'x'.repeat(1_100_000) } }),
    );
    expect(response.status).toBe(413);
  });

  it('a body that is not JSON is 400 with a JSON error, no stack trace', async () => {
    const response = await api.post('{"query": ');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/node_modules|at .+\(/);
  });

  it('a syntax error in the query is a GraphQL parse error naming no internals', async () => {
    const response = await api.post(JSON.stringify({ query: '{ posts { ' }));
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it('a database failure is INTERNAL_SERVER_ERROR with a neutral message', async () => {
    // A valid query whose SQL fails: revisions are looked up in a table that is (briefly) gone.
    await api.db.query('ALTER TABLE post_revisions RENAME TO post_revisions_gone');
    try {
      const revisionId = Buffer.from('PostRevision:00000000-0000-4000-8000-000000000000').toString('base64url');
      const response = await api.gql(NodeDocument, { id: revisionId });
      expect(errorCode(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(response.errors![0].message).not.toMatch(/post_revisions|relation|SELECT/i);
    } finally {
      await api.db.query('ALTER TABLE post_revisions_gone RENAME TO post_revisions');
    }
  });
});
