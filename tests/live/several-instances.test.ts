import { createHash, randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { Client } from 'pg';
import { fromGlobalId } from '../../src/schema/global-id';
import {
  AddCommentDocument,
  CommentAddedDocument,
  CreatePostDocument,
  LoginDocument,
  ModerateCommentDocument,
  PostPublishedDocument,
  PublishPostDocument,
  TagsDocument,
} from '../generated/operations';
import { LiveClient, liveClient, untilListening } from '../helpers/live-client';
import { REDIS_ENV } from '../helpers/redis-probe';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';
import { createTestDatabase } from '../helpers/test-database';

const redisUrl = process.env[REDIS_ENV];
// Without Redis (a machine that has none) these are skipped; global setup says so in the output.
const describeWithRedis = redisUrl ? describe : describe.skip;

/** Three `npm start` processes on one database and one Redis, as behind a load balancer. */
describeWithRedis('several instances sharing one database and one Redis', () => {
  const dataDir = serverDataDir('broadsheet-instances-');
  let databaseUrl: string;
  let instances: Running[];
  let admin: string;
  const clients: LiveClient[] = [];
  const connect = (instance: Running) => {
    const client = liveClient(instance.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('several-instances');
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      // Its own keys and channel: other runs on the same Redis do not meet these.
      REDIS_KEY_PREFIX: `broadsheet-test-${randomBytes(4).toString('hex')}:`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      COMMENTS_PER_MINUTE: '3',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
    };
    // The first creates the admin; the others find it.
    const first = await startServer(dataDir, env);
    instances = [first, ...(await Promise.all([startServer(dataDir, env), startServer(dataDir, env)]))];
    admin = (await query(first.url, LoginDocument, { email: 'boss@example.com', password: 'boss password 1' })).login
      .token;
  }, 60_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  const post = async (via: Running, tags: string[] = [], publishAt?: string) => {
    const { createPost } = await query(
      via.url,
      CreatePostDocument,
      { input: { title: 'Live story', body: '<p>Hi</p>', tags } },
      admin,
    );
    await query(via.url, PublishPostDocument, { id: createPost.id, publishAt }, admin);
    return createPost.id;
  };
  const send = (via: Running, body: unknown, headers: Record<string, string> = {}) =>
    fetch(via.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then(
      async (response) =>
        (await response.json()) as {
          data?: Record<string, unknown>;
          errors?: Array<{ extensions?: { code?: string } }>;
        },
    );

  it('a subscriber on one instance receives what was done through another', async () => {
    const [a, b, c] = instances;
    const postId = await post(a);
    const onB = connect(b).subscribe(CommentAddedDocument, { postId });
    const onC = connect(c).subscribe(CommentAddedDocument, { postId });
    await Promise.all([untilListening(b.url, 1), untilListening(c.url, 1)]);

    const { addComment: staff } = await query(
      a.url,
      AddCommentDocument,
      { input: { postId, body: 'From the desk.' } },
      admin,
    );
    expect((await onB.next()).data?.commentAdded).toMatchObject({ id: staff.id, body: 'From the desk.' });
    expect((await onC.next()).data?.commentAdded.id).toBe(staff.id);

    // A reader's comment held on B, approved through C: B's subscriber hears of it once.
    const { addComment: held } = await query(b.url, AddCommentDocument, {
      input: { postId, body: 'Held, then approved.', authorName: 'Reader' },
    });
    await query(c.url, ModerateCommentDocument, { id: held.id, status: 'APPROVED' }, admin);
    expect((await onB.next()).data?.commentAdded.id).toBe(held.id);
    expect(onB.received.map((answer) => answer.data?.commentAdded.id)).toEqual([staff.id, held.id]);
  });

  it('announces a scheduled post once, to the subscribers of every instance', async () => {
    const subscriptions = instances.map((instance) =>
      connect(instance).subscribe(PostPublishedDocument, { tag: 'wire' }),
    );
    await Promise.all(instances.map((instance) => untilListening(instance.url, 1)));

    const scheduled = await post(instances[0], ['wire'], new Date(Date.now() + 1500).toISOString());
    for (const subscription of subscriptions)
      expect((await subscription.next()).data?.postPublished.id).toBe(scheduled);
    // Every instance sweeps for due posts; exactly one announced it. The next delivery is the next post.
    const next = await post(instances[2], ['wire']);
    for (const subscription of subscriptions) {
      expect((await subscription.next()).data?.postPublished.id).toBe(next);
      expect(subscription.received.map((answer) => answer.data?.postPublished.id)).toEqual([scheduled, next]);
    }
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM events WHERE post_id = $1 AND type = 'post.published'`,
      [fromGlobalId(scheduled, 'id').id],
    );
    await client.end();
    expect(rows[0].n).toBe(1);
  });

  it('shares rate limits: a client cannot multiply its allowance by the number of instances', async () => {
    const postId = await post(instances[0]);
    const reader = { 'x-forwarded-for': '192.0.2.50' };
    const answers = [];
    for (let i = 0; i < 4; i += 1) {
      const via = instances[i % instances.length];
      answers.push(
        await send(
          via,
          { query: print(AddCommentDocument), variables: { input: { postId, body: `Comment ${i}`, authorName: 'R' } } },
          reader,
        ),
      );
    }
    expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'RATE_LIMITED',
    ]);

    const guesser = { 'x-forwarded-for': '192.0.2.51' };
    const guesses = [];
    for (let i = 0; i < 5; i += 1) {
      const login = { query: print(LoginDocument), variables: { email: 'boss@example.com', password: `guess ${i}` } };
      guesses.push(await send(instances[i % instances.length], login, guesser));
    }
    expect(guesses.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ]);
  });

  it('shares the response cache: an answer kept through one instance is served by another, and a change through a third drops it', async () => {
    const [a, b, c] = instances;
    const tag = `shared-${randomBytes(3).toString('hex')}`;
    const first = await post(a, [tag]);
    const feed = (via: Running) =>
      fetch(
        `${via.url}?${new URLSearchParams({ query: `{ posts(first: 5, filter: { tag: "${tag}" }) { nodes { id } } }` })}`,
      ).then(async (response) => ({
        cache: response.headers.get('x-broadsheet-cache'),
        ids: ((await response.json()) as { data: { posts: { nodes: Array<{ id: string }> } } }).data.posts.nodes.map(
          (node) => node.id,
        ),
      }));
    // Every instance also drops what an event names when the dispatcher hands it round, a moment
    // after the commit: let that pass, or it would drop the answer this test means to share.
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    for (;;) {
      const { rows } = await client.query(
        `SELECT coalesce((SELECT seq FROM event_positions WHERE consumer = 'response-cache'), 0) >= (SELECT max(seq) FROM events) AS done`,
      );
      if (rows[0].done) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.end();
    expect(await feed(a)).toEqual({ cache: 'miss', ids: [first] });
    expect(await feed(b)).toEqual({ cache: 'hit', ids: [first] });
    const second = await post(c, [tag]);
    expect(await feed(b)).toEqual({ cache: 'miss', ids: [second, first] });
  });

  it('shares persisted queries: a hash registered through one instance works on the others', async () => {
    const text = print(TagsDocument);
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') };
    const [a, b, c] = instances;
    expect((await send(b, { extensions: { persistedQuery } })).errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await send(a, { query: text, extensions: { persistedQuery } })).data).toHaveProperty('tags');
    expect((await send(b, { extensions: { persistedQuery } })).data).toHaveProperty('tags');
    expect((await send(c, { extensions: { persistedQuery } })).data).toHaveProperty('tags');
  });
});
