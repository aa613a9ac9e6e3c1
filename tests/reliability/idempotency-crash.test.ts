import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { toGlobalId } from '../../src/schema/global-id';
import { LoginDocument } from '../generated/operations';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';
import { createTestDatabase } from '../helpers/test-database';

interface CreateAnswer {
  data?: { createPost: { id: string; title: string } };
  errors?: unknown[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * kill -9 while mutations with an Idempotency-Key are under way (issue 16, item 5): after a
 * restart, a retry with the same key never writes a second time, and answers what was written.
 * The key used to be claimed in one transaction and its post committed in another: a key left
 * "in progress" by the crash, whose post had committed, was run again two minutes later.
 */
describe('Idempotency-Key across a crash (SIGKILL) and a restart', () => {
  const dataDir = serverDataDir('broadsheet-idem-crash-');
  const admin = { email: 'boss@example.com', password: 'boss password 1' };
  let env: NodeJS.ProcessEnv;
  /** An operator's session on the same database. */
  let sql: Client;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('idempotency-crash');
    env = { DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), SEED_DEMO: 'false' };
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  });
  afterAll(() => sql.end());

  // The answer reads the new post's revisions after the post is written.
  const CREATE = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id title revisions { id } } }';
  const create = (server: Running, token: string, title: string, key: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ query: CREATE, variables: { input: { title, body: '<p>Once.</p>' } } }),
    });
  /** What a client does with a key: send, and while the first request still runs (409), retry shortly. */
  const retried = async (server: Running, token: string, title: string, key: string) => {
    for (;;) {
      const answer = await create(server, token, title, key);
      if (answer.status !== 409) return answer;
      await pause(250);
    }
  };
  const kill = async (server: Running) => {
    server.child.kill('SIGKILL');
    await server.exited;
  };
  const stop = async (server: Running) => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  };
  const postIdsTitled = async (title: string) =>
    (await sql.query<{ id: string }>('SELECT id FROM posts WHERE title = $1', [title])).rows.map(({ id }) =>
      toGlobalId('Post', id),
    );
  const signIn = async (server: Running) => (await query(server.url, LoginDocument, admin)).login.token;

  it('killed after its post was written and before the answer was sent: the retry writes once and answers it', async () => {
    const first = await startServer(dataDir, env);
    const token = await signIn(first);
    // An operator's lock on the revisions table holds the answer back once the post is written,
    // so the kill lands between the write and the answer.
    const blocker = new Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE post_revisions IN ACCESS EXCLUSIVE MODE');
    const lost = create(first, token, 'Crash story', 'crash-key-1').catch(() => undefined);
    for (;;) {
      const { rows } = await sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'post_revisions'::regclass AND NOT granted`,
      );
      if (rows[0].waiting > 0) break;
      await pause(50);
    }
    await kill(first);
    expect(await lost).toBeUndefined(); // the client never got its answer
    await blocker.query('ROLLBACK');
    await blocker.end();

    const second = await startServer(dataDir, env);
    try {
      const answer = await retried(second, token, 'Crash story', 'crash-key-1');
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as CreateAnswer;
      const stored = await postIdsTitled('Crash story');
      expect(stored).toHaveLength(1);
      expect(body.data?.createPost).toMatchObject({ id: stored[0], title: 'Crash story' });
      const again = await create(second, token, 'Crash story', 'crash-key-1');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(body);
    } finally {
      await stop(second);
    }
  }, 240_000);

  it('killed mid-burst: after the restart every key answers its one post, none is written twice', async () => {
    const first = await startServer(dataDir, env);
    const token = await signIn(first);
    const titles = Array.from({ length: 30 }, (_, n) => `Burst story ${n}`);
    let answered = 0;
    const sent = titles.map((title, n) =>
      create(first, token, title, `burst-key-${n}`)
        .then(async (answer) => {
          const body = (await answer.json()) as CreateAnswer;
          answered += 1;
          if (answered === 5) first.child.kill('SIGKILL');
          return body.data?.createPost;
        })
        .catch(() => undefined),
    );
    const acknowledged = await Promise.all(sent);
    await first.exited;

    const second = await startServer(dataDir, env);
    try {
      for (const [n, title] of titles.entries()) {
        const answer = await retried(second, token, title, `burst-key-${n}`);
        expect(answer.status).toBe(200);
        const body = (await answer.json()) as CreateAnswer;
        const stored = await postIdsTitled(title);
        expect(stored).toHaveLength(1);
        expect(body.data?.createPost.id).toBe(stored[0]);
        // What the first server acknowledged is kept: the retry gets it again.
        if (acknowledged[n]) {
          expect(acknowledged[n]!.id).toBe(stored[0]);
          expect(answer.headers.get('idempotent-replayed')).toBe('true');
        }
      }
    } finally {
      await stop(second);
    }
  }, 240_000);
});
