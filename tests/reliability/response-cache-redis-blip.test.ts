import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { CreatePostDocument, LoginDocument, PublishPostDocument, UnpublishPostDocument } from '../generated/operations';
import { REDIS_ENV } from '../helpers/redis-probe';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';
import { TcpProxy, startTcpProxy } from '../helpers/tcp-proxy';
import { createTestDatabase } from '../helpers/test-database';

const redisUrl = process.env[REDIS_ENV];
// Without Redis (a machine that has none) this is skipped, and says so.
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('[tests] no Redis answers: response-cache-redis-blip.test.ts is SKIPPED');

/** Longer than any retry of the dispatcher needs, far shorter than the answer's max-age. */
const DEADLINE_MS = 20_000;
const MAX_AGE_SECONDS = 120;

/**
 * Issue 16, item 4: two `npm start` processes share one Redis answer store. The writer reaches
 * Redis through a proxy that is cut as it takes a post down, so its drop at commit fails; the
 * reader, which reaches Redis directly, holds the post's answer as PUBLISHED. The change must
 * still reach the store: readers never get the post as published again.
 */
describeWithRedis('a taken-down post after a Redis blip at the writer', () => {
  const dataDir = serverDataDir('broadsheet-redis-blip-');
  let databaseUrl: string;
  let proxy: TcpProxy;
  let writer: Running;
  let reader: Running;
  let admin: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('response-cache-redis-blip');
    const { hostname, port } = new URL(redisUrl!);
    proxy = await startTcpProxy(hostname, Number(port || 6379));
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_KEY_PREFIX: `broadsheet-test-${randomBytes(4).toString('hex')}:`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      CACHE_MAX_AGE: String(MAX_AGE_SECONDS),
    };
    writer = await startServer(dataDir, { ...env, REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    reader = await startServer(dataDir, { ...env, REDIS_URL: redisUrl });
    admin = (await query(writer.url, LoginDocument, { email: 'boss@example.com', password: 'boss password 1' })).login
      .token;
  }, 60_000);
  afterAll(async () => {
    await proxy.close();
  });

  const until = async (what: string, condition: () => Promise<boolean> | boolean) => {
    const deadline = Date.now() + DEADLINE_MS;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** The post as an anonymous reader gets it over GET from `via`, with the response cache's verdict. */
  const read = async (via: Running, id: string) => {
    const params = new URLSearchParams({ query: `{ post(id: "${id}") { id status } }` });
    const response = await fetch(`${via.url}?${params}`);
    const body = (await response.json()) as { data: { post: { id: string; status: string } | null } };
    return { cache: response.headers.get('x-broadsheet-cache'), post: body.data.post };
  };

  it('is never served as published once Redis is back, though the writer could not drop it at commit', async () => {
    const { createPost } = await query(
      writer.url,
      CreatePostDocument,
      { input: { title: 'Harbour closure', body: '<p>Soon withdrawn.</p>' } },
      admin,
    );
    await query(writer.url, PublishPostDocument, { id: createPost.id }, admin);
    // Let the publish's own event come round first, or its drop would empty what the reader keeps next.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await until('the response cache has heard every event', async () => {
      const { rows } = await db.query(
        `SELECT coalesce((SELECT seq FROM event_positions WHERE consumer = 'response-cache'), 0) >= (SELECT max(seq) FROM events) AS done`,
      );
      return rows[0].done as boolean;
    });
    await db.end();

    expect(await read(reader, createPost.id)).toEqual({
      cache: 'miss',
      post: { id: createPost.id, status: 'PUBLISHED' },
    });
    expect(await read(reader, createPost.id)).toEqual({
      cache: 'hit',
      post: { id: createPost.id, status: 'PUBLISHED' },
    });

    proxy.cut();
    await until('the writer has lost Redis', () => /Redis is unreachable/.test(writer.output()));
    await query(writer.url, UnpublishPostDocument, { id: createPost.id }, admin);
    proxy.restore();
    await until('the writer hears Redis again', () => /Redis is reachable again/.test(writer.output()));

    await until('the reader no longer serves the post', async () => (await read(reader, createPost.id)).post === null);
    for (const via of [reader, writer, reader]) expect((await read(via, createPost.id)).post).toBeNull();
  });
});
