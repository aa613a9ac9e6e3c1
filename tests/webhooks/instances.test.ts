import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { Config, loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { Role } from '../../src/domain/enums';
import { createLogger } from '../../src/logger';
import { createServer } from '../../src/server/server';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';
import {
  Receiver,
  createWebhook,
  deliveriesOf,
  eventually,
  startReceiver,
  webhookSettings,
} from '../helpers/webhook-receiver';

/** Another server process's worth on the same database, running its jobs as `npm start` does. */
async function startInstance(databaseUrl: string, overrides: Partial<Config>) {
  const db = createDataSource({ url: databaseUrl, poolSize: 5 });
  await db.initialize();
  const config: Config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', ...overrides };
  const server = await createServer({
    config,
    db,
    jwtSecret: 'test-secret-for-broadsheet-at-least-32-bytes',
    logger: createLogger('silent'),
  });
  server.startJobs();
  return {
    stop: async () => {
      await server.stop();
      await db.destroy();
    },
  };
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

/**
 * Several instances on one database, stopping and starting: pending attempts live in
 * PostgreSQL, and each attempt is made by one instance. The API server here runs no jobs; the
 * instances dispatch and send.
 */
describe('webhook deliveries across instances and restarts', () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  let databaseUrl: string;
  const settings = webhookSettings({ retryScheduleMs: [300, 300, 300] });
  const running = new Set<Instance>();
  const receivers: Receiver[] = [];
  const instance = async () => {
    const started = await startInstance(databaseUrl, settings);
    running.add(started);
    return started;
  };
  const stop = async (stopped: Instance) => {
    running.delete(stopped);
    await stopped.stop();
  };
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    ({ api, admin, editor } = await startNewsroom({ admin: Role.ADMIN, editor: Role.EDITOR }, settings));
    databaseUrl = (api.db.options as PostgresConnectionOptions).url!;
  });
  afterEach(async () => {
    for (const left of [...running]) await stop(left);
  });
  afterAll(async () => {
    await api.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('two instances share the work, and each attempt is made once', async () => {
    // Every message fails its first attempt and succeeds at its second: two requests each, no more.
    const seen = new Map<string, number>();
    const endpoint = await receiver((hit) => {
      seen.set(hit.id, (seen.get(hit.id) ?? 0) + 1);
      return seen.get(hit.id) === 1 ? 500 : 204;
    });
    const { id } = await createWebhook(api, admin.token, { url: endpoint.url, eventTypes: ['post.published'] });
    await instance();
    await instance();
    const posts = 12;
    for (let i = 0; i < posts; i += 1) await publishedPost(api, editor.token);

    const deliveries = await eventually(
      async () => {
        const all = await deliveriesOf(api, admin.token, id);
        return all.length === posts && all.every((d) => d.status === 'SUCCEEDED') ? all : undefined;
      },
      20_000,
      'every delivery to succeed',
    );
    expect(deliveries.map((d) => d.attempts)).toEqual(Array(posts).fill(2));
    expect([...seen.values()]).toEqual(Array(posts).fill(2));
    expect(endpoint.hits).toHaveLength(posts * 2);
  });

  it('an instance stopped between a failed attempt and the next: another makes it, once', async () => {
    const endpoint = await receiver((_hit, n) => (n === 0 ? 500 : 204));
    const { id } = await createWebhook(api, admin.token, { url: endpoint.url, eventTypes: ['post.published'] });
    const first = await instance();
    await publishedPost(api, editor.token);
    await endpoint.received(1);
    await eventually(async () => (await deliveriesOf(api, admin.token, id))[0]?.attempts === 1, 10_000, 'attempt 1');
    await stop(first);

    await instance();
    const [, second] = await endpoint.received(2);
    expect(second.id).toBe(endpoint.hits[0].id);
    const [delivery] = await eventually(
      async () => {
        const [d] = await deliveriesOf(api, admin.token, id);
        return d.status === 'SUCCEEDED' ? [d] : undefined;
      },
      10_000,
      'the delivery to succeed',
    );
    expect(delivery.attempts).toBe(2);
    expect(endpoint.hits).toHaveLength(2);
  });

  it('an attempt cut short by a stop is recorded, and the next instance makes the next one', async () => {
    const endpoint = await receiver((_hit, n) => (n === 0 ? 'hang' : 204));
    const { id } = await createWebhook(api, admin.token, { url: endpoint.url, eventTypes: ['post.published'] });
    const first = await instance();
    await publishedPost(api, editor.token);
    await endpoint.received(1);
    await stop(first);
    const [interrupted] = await deliveriesOf(api, admin.token, id);
    expect(interrupted).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
    expect(interrupted.lastError).toMatch(/^interrupted/);

    await instance();
    await endpoint.received(2);
    const [delivery] = await eventually(
      async () => {
        const [d] = await deliveriesOf(api, admin.token, id);
        return d.status === 'SUCCEEDED' ? [d] : undefined;
      },
      10_000,
      'the delivery to succeed',
    );
    expect(delivery.attempts).toBe(2);
    expect(endpoint.hits.map((hit) => hit.id)).toEqual([delivery.messageId, delivery.messageId]);
  });
});
