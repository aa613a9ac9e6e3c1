import { Role } from '../../src/domain/enums';
import { PostsDocument } from '../generated/operations';
import { TcpProxy, startTcpProxy } from '../helpers/tcp-proxy';
import { TEST_ENV } from '../helpers/test-database';
import { TestServer, startTestServer } from '../helpers/test-server';

/**
 * The database goes away for a while and comes back; the server stays up (and says it is alive,
 * not ready) and recovers by itself.
 */
describe('a database outage', () => {
  const logLines: Array<Record<string, unknown>> = [];
  let proxy: TcpProxy;
  let api: TestServer;
  beforeAll(async () => {
    const database = new URL(process.env[TEST_ENV.adminUrl]!);
    proxy = await startTcpProxy(database.hostname, Number(database.port || 5432));
    api = await startTestServer(
      {},
      {
        logLines,
        databaseUrl: (url) => {
          const throughProxy = new URL(url);
          throughProxy.hostname = '127.0.0.1';
          throughProxy.port = String(proxy.port);
          return throughProxy.toString();
        },
      },
    );
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  const base = () => api.url.replace(/\/graphql$/, '');

  it('answers clean errors while down, says so once in the log, and serves again when it is back', async () => {
    expect((await api.gql(PostsDocument, { first: 1 })).errors).toBeUndefined();
    const { token } = await api.signUp(Role.EDITOR);
    proxy.cut();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.post(JSON.stringify({ query: '{ posts(first: 1) { totalCount } }' }))),
    );
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      const text = await answer.text();
      const body = JSON.parse(text) as {
        errors: Array<{ message: string; extensions: { code: string; requestId: string } }>;
      };
      expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors[0].extensions.requestId).toBe(answer.headers.get('x-request-id'));
      expect(text).not.toMatch(/ECONNRESET|ECONNREFUSED|terminated|at .*\.js/);
    }
    const signedIn = await api.post(JSON.stringify({ query: '{ me { id } }' }), { authorization: `Bearer ${token}` });
    expect(signedIn.status).toBe(503);
    expect(((await signedIn.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: signedIn.headers.get('x-request-id'),
    });
    // Not ready (no traffic, please), but alive: an orchestrator must not restart it for this.
    expect((await fetch(`${base()}/readyz`)).status).toBe(503);
    const alive = await fetch(`${base()}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'ok' });
    const outageLines = logLines.filter((line) => String(line.msg).startsWith('database unavailable'));
    expect(outageLines).toHaveLength(1);
    expect(logLines.filter((line) => line.msg === 'unexpected error')).toEqual([]);

    proxy.restore();
    const deadline = Date.now() + 10_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = (await api.gql(PostsDocument, { first: 1 })).errors === undefined;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  }, 30_000);
});
