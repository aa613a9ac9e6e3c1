import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { fromGlobalId } from '../../src/schema/global-id';
import { CreatePostDocument, LoginDocument, PublishPostDocument } from '../generated/operations';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';
import { createTestDatabase } from '../helpers/test-database';

/** `npm start` stopped across a scheduled post's moment: the next start announces it, once. */
describe('a scheduled post whose moment passes while no server runs', () => {
  const dataDir = serverDataDir('broadsheet-go-live-');
  let databaseUrl: string;
  const env = () => ({ DATABASE_URL: databaseUrl, JWT_SECRET: secret, SEED_DEMO: 'false' });
  const secret = randomBytes(32).toString('hex');
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('go-live-restart');
  });

  const stop = async (server: Running) => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  };
  const sql = async <T>(text: string, params: unknown[]): Promise<T[]> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  it('is announced when a server starts again, exactly once, and delivered to the live-updates consumer', async () => {
    const first = await startServer(dataDir, env());
    const { token } = (
      await query(first.url, LoginDocument, { email: 'boss@example.com', password: 'boss password 1' })
    ).login;
    const { createPost } = await query(
      first.url,
      CreatePostDocument,
      { input: { title: 'Embargoed', body: '<p>x</p>' } },
      token,
    );
    const publishAt = new Date(Date.now() + 1000);
    await query(first.url, PublishPostDocument, { id: createPost.id, publishAt: publishAt.toISOString() }, token);
    await stop(first);
    const postId = fromGlobalId(createPost.id, 'id').id;
    const announcements = () =>
      sql<{ seq: string; occurredAt: Date }>(
        `SELECT seq::text, occurred_at AS "occurredAt" FROM events WHERE post_id = $1 AND type = 'post.published'`,
        [postId],
      );
    expect(await announcements()).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, publishAt.getTime() - Date.now() + 500));
    const restartedAt = Date.now();
    const second = await startServer(dataDir, env());
    const deadline = Date.now() + 5000;
    let delivered = false;
    while (!delivered && Date.now() < deadline) {
      const [event] = await announcements();
      const [position] = await sql<{ seq: string }>(
        `SELECT seq::text FROM event_positions WHERE consumer = 'live-updates'`,
        [],
      );
      delivered = Boolean(event && position && BigInt(position.seq) >= BigInt(event.seq));
      if (!delivered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(delivered).toBe(true);
    await stop(second);
    // A later start does not announce it again.
    await stop(await startServer(dataDir, env()));
    const [announced, ...more] = await announcements();
    expect(more).toEqual([]);
    expect(announced.occurredAt.getTime()).toBeGreaterThanOrEqual(restartedAt - 1000);
  });
});
