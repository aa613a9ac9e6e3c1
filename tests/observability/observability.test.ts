import express from 'express';
import { MigrationInterface } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { Role } from '../../src/domain/enums';
import { migrations } from '../../src/migrations';
import { healthRoutes } from '../../src/observability/health';
import { PostsDocument, RelatedPostsDocument } from '../generated/operations';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/** What an operator sees: request ids, log lines, metrics and readiness. */
describe('operations', () => {
  const logLines: Array<Record<string, unknown>> = [];
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ metricsToken: 'scrape-me-please' }, { logLines });
  });
  afterAll(() => api.close());

  const base = () => api.url.replace(/\/graphql$/, '');
  const linesOf = (requestId: string) => logLines.filter((line) => line.requestId === requestId);

  describe('request ids', () => {
    it('every answer has one, and its log line carries it with the operation, status, cost, statements and path', async () => {
      const query = 'query FrontPage($first: Int) { posts(first: $first) { totalCount } }';
      // Its first request runs on graphql-js; from the second the compiled query answers (other
      // variables, so that the response cache does not answer instead).
      await (await api.post(JSON.stringify({ query, variables: { first: 2 } }))).json();
      const response = await api.post(JSON.stringify({ query, variables: { first: 3 } }));
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await response.json();
      const [line] = linesOf(id);
      expect(line).toMatchObject({
        msg: 'request',
        level: 30,
        requestId: id,
        operationName: 'FrontPage',
        req: { method: 'POST', url: '/graphql' },
        res: { status: 200 },
        // GRAPHQL_EXECUTION's default: a query asked for again, without errors, runs compiled.
        execution: 'compiled',
      });
      expect(line.cost).toBeGreaterThan(0);
      expect(line.statements).toBe(2); // the page and its count
      expect(typeof line.responseTime).toBe('number');
      expect(JSON.stringify(line)).not.toMatch(/authorization|FrontPage\(/);
    });

    it("behind a trusted proxy the proxy's id is kept", async () => {
      const response = await api.post(JSON.stringify({ query: '{ tags { tag } }' }), { 'x-request-id': 'edge-4711' });
      expect(response.headers.get('x-request-id')).toBe('edge-4711');
    });

    it('from an untrusted client a new id is made', async () => {
      const direct = await startTestServer({ trustProxy: false });
      try {
        const response = await direct.post(JSON.stringify({ query: '{ tags { tag } }' }), { 'x-request-id': 'forged' });
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        await direct.close();
      }
    });
  });

  it('a masked error names its request id, and the log has the cause under that id', async () => {
    const editor = await api.signUp(Role.EDITOR);
    const post = await publishedPost(api, editor.token, { tags: ['faults'] });
    // A fault of ours, injected in this test's own database: the suggestions' table is gone.
    await api.db.query('ALTER TABLE post_tags RENAME TO post_tags_away');
    try {
      const response = await api.post(
        JSON.stringify({
          query: 'query Related($id: ID!) { post(id: $id) { relatedPosts { id } } }',
          variables: { id: post.id },
        }),
      );
      const id = response.headers.get('x-request-id')!;
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: id });
      expect(body.errors[0].message).not.toMatch(/post_tags/);
      const logged = linesOf(id).find((line) => line.msg === 'unexpected error')!;
      expect(logged).toMatchObject({ level: 50, operationName: 'Related' });
      expect(JSON.stringify(logged.err)).toMatch(/post_tags/);
    } finally {
      await api.db.query('ALTER TABLE post_tags_away RENAME TO post_tags');
    }
    expect((await api.gql(RelatedPostsDocument, { id: post.id })).errors).toBeUndefined();
  });

  describe('GET /metrics', () => {
    it('needs the token when one is set', async () => {
      expect((await fetch(`${base()}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${base()}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong' } })).status,
      ).toBe(401);
    });

    it('counts requests by operation and status, errors by code, and shows the pool and the event loop', async () => {
      await api.gql(PostsDocument, { first: 2 });
      await api.post(JSON.stringify({ query: 'query Bad { posts(first: 500) { totalCount } }' }));
      const response = await fetch(`${base()}/metrics`, { headers: { authorization: 'Bearer scrape-me-please' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/^broadsheet_graphql_requests_total\{operation="Posts",status="200"\} [1-9]/m);
      expect(text).toMatch(/^broadsheet_graphql_request_duration_seconds_count\{operation="Posts"\} [1-9]/m);
      expect(text).toMatch(/^broadsheet_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/m);
      expect(text).toMatch(/^broadsheet_db_pool_connections\{state="idle"\} \d/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    });
  });

  describe('GET /readyz', () => {
    it('is 200 when the database answers and every migration is applied', async () => {
      const response = await fetch(`${base()}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
      expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    });

    const serve = async (app: express.Express) =>
      new Promise<{ url: string; close: () => void }>((resolve) => {
        const server = app.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
        });
      });

    it('is 503 while a migration is pending, and from the first stop signal', async () => {
      class NotYetApplied9999999999999 implements MigrationInterface {
        name = 'NotYetApplied9999999999999';
        async up(): Promise<void> {}
        async down(): Promise<void> {}
      }
      const url = (api.db.options as { url: string }).url;
      const newer = createDataSource({ url, poolSize: 1 });
      newer.setOptions({ migrations: [...migrations, NotYetApplied9999999999999] });
      await newer.initialize();
      let stopping = false;
      const app = express().use(healthRoutes(newer, () => stopping));
      const probe = await serve(app);
      try {
        const pending = await fetch(`${probe.url}/readyz`);
        expect(pending.status).toBe(503);
        expect(await pending.json()).toEqual({ status: 'migrations pending' });

        const current = express().use(healthRoutes(api.db, () => stopping));
        const probe2 = await serve(current);
        expect((await fetch(`${probe2.url}/readyz`)).status).toBe(200);
        stopping = true;
        const draining = await fetch(`${probe2.url}/readyz`);
        expect(draining.status).toBe(503);
        expect(await draining.json()).toEqual({ status: 'stopping' });
        expect((await fetch(`${probe2.url}/healthz`)).status).toBe(200);
        probe2.close();
      } finally {
        probe.close();
        await newer.destroy();
      }
    });
  });
});
