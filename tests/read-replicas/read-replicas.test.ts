import { print } from 'graphql';
import { StreamingCluster, startStreamingCluster, streamingClusterUnavailable } from '../../bench/streaming-replica';
import { createDataSource } from '../../src/db/data-source';
import { Role } from '../../src/domain/enums';
import {
  CreatePostDocument,
  CreatePreviewLinkDocument,
  PostByIdDocument,
  PostsDocument,
  PreviewPostDocument,
  PublishPostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { SignedIn, TestServer, startTestServer } from '../helpers/test-server';

const unavailable = streamingClusterUnavailable();
if (unavailable) console.warn(`[tests] ${unavailable}: the read replica tests are SKIPPED`);
const describeWithReplica = unavailable ? describe.skip : describe;

/** Replica settings of this file: checks every 100 ms; a replica 3 s behind is skipped. */
const MAX_LAG_MS = 3000;

/** Polls `condition` until it holds (at most 20 s), so no assertion depends on timing. */
async function eventually(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Read replicas against a real streaming replica (Debian's PostgreSQL, a primary initdb'd and a
 * standby pg_basebackup'd from it): where reads go, a client reading its own write, a replica
 * paused past REPLICA_MAX_LAG_MS and one stopped, each skipped without a client noticing and
 * used again when back, and what /readyz and /metrics say.
 */
describeWithReplica('read replicas (a real streaming replica)', () => {
  let cluster: StreamingCluster;
  let api: TestServer;
  let editor: SignedIn;
  let replicaName: string;

  beforeAll(async () => {
    // synchronous_commit off: a commit returns before its record is flushed, the harder case for
    // read-after tokens (src/db/wal-position.ts); fsync off: a throwaway cluster.
    cluster = await startStreamingCluster({ fsync: 'off', synchronous_commit: 'off' });
    await cluster.query('primary', 'CREATE DATABASE broadsheet');
    const migrator = createDataSource({ url: cluster.primaryUrl('broadsheet'), poolSize: 1 });
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    await cluster.caughtUp();
    const replicaUrl = cluster.replicaUrl('broadsheet');
    replicaName = new URL(replicaUrl).host;
    ({ api, editor } = await startNewsroom(
      { editor: Role.EDITOR },
      {
        databaseReplicaUrls: [replicaUrl],
        replicaMaxLagMs: MAX_LAG_MS,
        replicaCheckIntervalMs: 100,
        // Answers come from a server each time, never from the response cache.
        responseCacheEntries: 0,
      },
      { database: cluster.primaryUrl('broadsheet') },
    ));
    await eventually('the replica is in use', async () => (await replicaState()) === 'in use');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await cluster?.close();
  });

  const base = () => api.url.replace('/graphql', '');
  const readyz = async () =>
    (await (await fetch(`${base()}/readyz`)).json()) as {
      status: string;
      replicas: Array<{ name: string; state: string; lagMs: number | null }>;
    };
  const replicaState = async () => (await readyz()).replicas[0].state;

  /** Statements of requests' reads so far, by server, as /metrics counts them. */
  async function reads(): Promise<{ primary: number; replica: number }> {
    const text = await (await fetch(`${base()}/metrics`)).text();
    const count = (server: string) =>
      Number(new RegExp(`^broadsheet_db_reads_total\\{server="${server}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { primary: count('primary'), replica: count(replicaName) };
  }

  /** Where the reads of `work` went: statements on each server meanwhile. */
  async function readsOf(work: () => Promise<unknown>): Promise<{ primary: number; replica: number }> {
    const before = await reads();
    await work();
    const after = await reads();
    return { primary: after.primary - before.primary, replica: after.replica - before.replica };
  }

  /** A GraphQL request over HTTP, with the answer's headers. */
  async function send(document: Parameters<typeof print>[0], variables: object, headers: Record<string, string> = {}) {
    const response = await api.post(JSON.stringify({ query: print(document), variables }), headers);
    const body = (await response.json()) as { data?: Record<string, { id?: string } | null>; errors?: unknown[] };
    return { status: response.status, headers: response.headers, ...body };
  }

  const anonymousRead = (id: string, headers: Record<string, string> = {}) => send(PostByIdDocument, { id }, headers);

  async function publishedPost(title: string): Promise<{ id: string; token: string; cookie: string }> {
    const auth = { authorization: `Bearer ${editor.token}` };
    const draft = await send(CreatePostDocument, { input: { title, body: '<p>Fresh.</p>' } }, auth);
    const published = await send(PublishPostDocument, { id: draft.data!.createPost!.id }, auth);
    expect(published.errors).toBeUndefined();
    return {
      id: published.data!.publishPost!.id!,
      token: published.headers.get('broadsheet-read-after')!,
      cookie: published.headers.get('set-cookie')!.split(';')[0],
    };
  }

  it('reports the replica on /readyz and /metrics', async () => {
    const ready = await readyz();
    expect(ready.status).toBe('ready');
    expect(ready.replicas).toEqual([{ name: replicaName, state: 'in use', lagMs: expect.any(Number) }]);
    const metrics = await (await fetch(`${base()}/metrics`)).text();
    expect(metrics).toContain(`broadsheet_db_replica_in_use{replica="${replicaName}"} 1`);
    expect(metrics).toMatch(new RegExp(`broadsheet_db_replica_lag_seconds\\{replica="${replicaName}"\\} [0-9.]+`));
    const [{ connections }] = await cluster.query(
      'replica',
      `SELECT count(*)::int AS connections FROM pg_stat_activity WHERE application_name = 'broadsheet-replica-reads'`,
    );
    expect(connections).toBeGreaterThan(0);
  });

  it('sends anonymous reads to the replica, and signed-in reads and mutations to the primary', async () => {
    const { id } = await publishedPost('Where reads go');
    await cluster.caughtUp();
    await eventually('the replica is in use', async () => (await replicaState()) === 'in use');

    const anonymous = await readsOf(() => anonymousRead(id));
    expect(anonymous.replica).toBeGreaterThan(0);
    expect(anonymous.primary).toBe(0);

    const signedIn = await readsOf(() => anonymousRead(id, { authorization: `Bearer ${editor.token}` }));
    expect(signedIn).toEqual({ primary: expect.any(Number), replica: 0 });
    expect(signedIn.primary).toBeGreaterThan(0);

    const mutation = await readsOf(() => publishedPost('A write and the reads of its answer'));
    expect(mutation.replica).toBe(0);
  });

  it('lets a client read its own write while the replica has not replayed it', async () => {
    await cluster.query('replica', 'SELECT pg_wal_replay_pause()');
    try {
      const { id, token, cookie } = await publishedPost('Read your own write');
      expect(token).toMatch(/^[0-9a-f]+\.[A-Za-z0-9_-]{22}$/);
      expect(cookie).toBe(`broadsheet_read_after=${token}`);

      // Without it (first, while the paused replica is surely still in use, under
      // REPLICA_MAX_LAG_MS behind): the replica, which has not replayed the write.
      const someoneElse = await anonymousRead(id);
      expect(someoneElse.errors).toBeUndefined();
      expect(someoneElse.data?.post).toBeNull();
      // A token made up, or altered, counts for nothing.
      const forged = await anonymousRead(id, { 'broadsheet-read-after': `${token.split('.')[0]}.${'A'.repeat(22)}` });
      expect(forged.data?.post).toBeNull();
      // Its token, as a header or as the cookie a browser sends back: read from the primary.
      for (const headers of [{ 'broadsheet-read-after': token }, { cookie }] as Array<Record<string, string>>) {
        const own = await anonymousRead(id, headers);
        expect(own.data?.post?.id).toBe(id);
      }
    } finally {
      await cluster.query('replica', 'SELECT pg_wal_replay_resume()');
    }
  });

  it('opens a preview link the moment it is made, with no token, from the primary', async () => {
    await cluster.query('replica', 'SELECT pg_wal_replay_pause()');
    try {
      const auth = { authorization: `Bearer ${editor.token}` };
      const draft = await send(CreatePostDocument, { input: { title: 'Preview me', body: '<p>Draft.</p>' } }, auth);
      const postId = draft.data!.createPost!.id!;
      const link = await send(CreatePreviewLinkDocument, { postId }, auth);
      const { token } = link.data!.createPreviewLink as unknown as { token: string };
      const preview = await send(PreviewPostDocument, { token });
      expect(preview.errors).toBeUndefined();
      expect(preview.data?.previewPost?.id).toBe(postId);
    } finally {
      await cluster.query('replica', 'SELECT pg_wal_replay_resume()');
    }
  });

  it('skips a replica paused further behind than REPLICA_MAX_LAG_MS, and uses it again once it catches up', async () => {
    await cluster.query('replica', 'SELECT pg_wal_replay_pause()');
    let id: string;
    try {
      ({ id } = await publishedPost('While the replica waits'));
      await eventually('the paused replica is lagging', async () => (await replicaState()) === 'lagging');
      const lagging = (await readyz()).replicas[0];
      expect(lagging.lagMs).toBeGreaterThan(MAX_LAG_MS);

      // Everyone reads the primary meanwhile, and sees the post.
      let answer: Awaited<ReturnType<typeof anonymousRead>> | undefined;
      expect(await readsOf(async () => (answer = await anonymousRead(id)))).toEqual({
        primary: expect.any(Number),
        replica: 0,
      });
      expect(answer!.data?.post?.id).toBe(id);
    } finally {
      await cluster.query('replica', 'SELECT pg_wal_replay_resume()');
    }
    await eventually('the replica is in use again', async () => (await replicaState()) === 'in use');
    let again: Awaited<ReturnType<typeof anonymousRead>> | undefined;
    const where = await readsOf(async () => (again = await anonymousRead(id)));
    expect(where.replica).toBeGreaterThan(0);
    expect(where.primary).toBe(0);
    expect(again!.data?.post?.id).toBe(id);
  });

  it('skips a stopped replica without an error reaching a client, and uses it again once restarted', async () => {
    const { id } = await publishedPost('While the replica is down');
    await cluster.caughtUp();
    await cluster.stopReplica();
    try {
      // Right away (the connections it had are gone; no check has looked yet) and after.
      for (let i = 0; i < 5; i += 1) {
        const answer = await anonymousRead(id);
        expect(answer.status).toBe(200);
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.post?.id).toBe(id);
      }
      await eventually('the stopped replica is down', async () => (await replicaState()) === 'down');
      expect((await readyz()).status).toBe('ready');
      expect((await readsOf(() => anonymousRead(id))).replica).toBe(0);
    } finally {
      await cluster.startReplica();
    }
    await eventually('the restarted replica is in use', async () => (await replicaState()) === 'in use');
    expect((await readsOf(() => anonymousRead(id))).replica).toBeGreaterThan(0);
  });

  it('runs a read that finds the replica gone on the primary, in the same request, without an error', async () => {
    // Through a proxy that can sever the line, and with checks far apart, so the read itself
    // finds the replica gone (its idle connections are reset only when they next send).
    const proxy = await startTcpProxy('127.0.0.1', Number(new URL(cluster.replicaUrl('broadsheet')).port));
    const viaProxy = `postgres://postgres@127.0.0.1:${proxy.port}/broadsheet`;
    const server = await startTestServer(
      {
        databaseReplicaUrls: [viaProxy],
        replicaMaxLagMs: MAX_LAG_MS,
        replicaCheckIntervalMs: 2000,
        responseCacheEntries: 0,
      },
      { database: cluster.primaryUrl('broadsheet') },
    );
    try {
      const { id } = await publishedPost('Read when the line is cut');
      await cluster.caughtUp();
      const read = () =>
        server.post(JSON.stringify({ query: print(PostByIdDocument), variables: { id } })).then(async (response) => ({
          status: response.status,
          ...((await response.json()) as { data?: { post: { id: string } | null }; errors?: unknown[] }),
        }));
      const ready = async () =>
        (await (await fetch(server.url.replace('/graphql', '/readyz'))).json()) as {
          replicas: Array<{ state: string }>;
        };
      await eventually('the replica is in use', async () => (await ready()).replicas[0].state === 'in use');
      expect((await read()).data?.post?.id).toBe(id); // its pool now holds an idle connection to the replica

      proxy.sever();
      const answer = await read();
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.post?.id).toBe(id);
      expect((await ready()).replicas[0].state).toBe('down');

      proxy.restore();
      await eventually('the replica is in use again', async () => (await ready()).replicas[0].state === 'in use');
    } finally {
      await server.close();
      await proxy.close();
    }
  });

  it('hands events on once the replica has their changes, so no cache keeps what it read before them', async () => {
    // With its dispatcher and its response cache: an event drops cached answers, and a lagging
    // replica must not fill the cache again with the page from before the change.
    const server = await startTestServer(
      {
        databaseReplicaUrls: [cluster.replicaUrl('broadsheet')],
        replicaMaxLagMs: MAX_LAG_MS,
        replicaCheckIntervalMs: 100,
      },
      { database: cluster.primaryUrl('broadsheet'), liveEvents: true },
    );
    const feed = `${server.url}?${new URLSearchParams({ query: print(PostsDocument), variables: '{"first":3}' })}`;
    const feedIds = async () => {
      const body = (await (await fetch(feed)).json()) as {
        data: { posts: { edges: Array<{ node: { id: string } }> } };
      };
      return body.data.posts.edges.map(({ node }) => node.id);
    };
    try {
      await eventually('its dispatcher has taken its place in the outbox', async () => {
        const [{ consumers }] = await cluster.query(
          'primary',
          'SELECT count(*)::int AS consumers FROM event_positions',
          'broadsheet',
        );
        return Number(consumers) > 0;
      });
      await feedIds(); // kept by the response cache, as read on the replica
      await cluster.query('replica', 'SELECT pg_wal_replay_pause()');
      try {
        const { id } = await publishedPost('Published while the replica waits');
        // Readers may see the page from before for up to REPLICA_MAX_LAG_MS, not for the cache's max-age.
        await eventually('the cached feed shows the post', async () => (await feedIds()).includes(id));
      } finally {
        await cluster.query('replica', 'SELECT pg_wal_replay_resume()');
      }
    } finally {
      await server.close();
    }
  });
});
