import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/domain/enums';
import { StoredEvent } from '../../src/events/dispatcher';
import { startPurger } from '../../src/purge/cache-purge.consumer';
import {
  AddCommentDocument,
  PublishPostDocument,
  SetFeaturedDocument,
  UnpublishPostDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

interface Recorded {
  /** When it arrived (ms since the epoch). */
  at: number;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A purge endpoint that records what it is sent; `failNext` answers that many requests 503 first. */
async function startRecorder() {
  const requests: Recorded[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ at: Date.now(), method: req.method!, url: req.url!, headers: req.headers, body });
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNextRequests: (n: number) => (failNext = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Recorder = Awaited<ReturnType<typeof startRecorder>>;

/**
 * Waits until a request recorded after the `from`-th names `key`; returns the keys of each
 * request since `from` that names it.
 */
async function purgedWith(recorder: Recorder, keysOf: (request: Recorded) => string[], key: string, from = 0) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const purges = recorder.requests
      .slice(from)
      .map(keysOf)
      .filter((keys) => keys.includes(key));
    if (purges.length > 0) return purges;
    if (Date.now() > deadline)
      throw new Error(`no purge of ${key}; got ${JSON.stringify(recorder.requests.map(keysOf))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Each change a reader would see purges the keys of the answers that showed the old version. */
describe('purging CDN caches on changes (generic HTTP PURGE, as Varnish xkey takes it)', () => {
  let recorder: Recorder;
  let api: TestServer;
  let editor: { id: string; token: string };
  const keysOf = (request: Recorded) => String(request.headers['xkey-purge'] ?? '').split(' ');
  const purged = (key: string, from = 0) => purgedWith(recorder, keysOf, key, from);
  beforeAll(async () => {
    recorder = await startRecorder();
    ({ api, editor } = await startNewsroom(
      { editor: Role.EDITOR },
      { purge: { kind: 'http', url: `${recorder.url}/purge`, method: 'PURGE', keysHeader: 'xkey-purge' } },
      { liveEvents: true },
    ));
  });
  afterAll(async () => {
    await api.close();
    await recorder.close();
  });

  it('a draft turning published purges its page, the lists, its tags and its author', async () => {
    const draft = await draftPost(api, editor.token, { tags: ['port'] });
    await api.gql(PublishPostDocument, { id: draft.id }, { token: editor.token });
    const [keys] = await purged(`post:${draft.id}`);
    expect(keys.sort()).toEqual([`author:${editor.id}`, 'list:post', `post:${draft.id}`, 'tag:port'].sort());
    expect(recorder.requests.at(-1)).toMatchObject({ method: 'PURGE', url: '/purge' });
  });

  it('a scheduled post going live purges when its time comes, not before', async () => {
    const publishAt = new Date(Date.now() + 1500);
    const scheduled = await publishedPost(api, editor.token, {}, publishAt.toISOString());
    const key = `post:${scheduled.id}`;
    const naming = () => recorder.requests.filter((request) => keysOf(request).includes(key));
    // Scheduling is news for the lists at once (post.scheduled); going live purges again.
    await purged(key);
    const deadline = Date.now() + 10_000;
    while (naming().length < 2) {
      if (Date.now() > deadline) throw new Error(`purges naming it: ${naming().length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [, goLive] = naming();
    expect(goLive.at).toBeGreaterThanOrEqual(publishAt.getTime());
    expect(keysOf(goLive)).toEqual(expect.arrayContaining([key, 'list:post', `author:${editor.id}`]));
  });

  it('a retag, an approved comment, a featured change and an unpublish each purge the right keys', async () => {
    const post = await publishedPost(api, editor.token, { tags: ['old-tag'] });

    let from = recorder.requests.length;
    await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { tags: ['new-tag'] } },
      { token: editor.token },
    );
    const [retagged] = await purged('tag:new-tag', from);
    expect(retagged).toEqual(expect.arrayContaining([`post:${post.id}`, 'list:post', 'tag:old-tag', 'tag:new-tag']));

    from = recorder.requests.length;
    const { data } = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, body: 'Noted.' } },
      { token: editor.token },
    );
    expect(data?.addComment.status).toBe('APPROVED');
    expect((await purged(`post:${post.id}`, from))[0]).toEqual([`post:${post.id}`, 'list:post']);

    from = recorder.requests.length;
    await api.gql(SetFeaturedDocument, { id: post.id, featured: true }, { token: editor.token });
    expect((await purged('featured', from))[0]).toEqual(expect.arrayContaining([`post:${post.id}`, 'list:post']));

    from = recorder.requests.length;
    await api.gql(UnpublishPostDocument, { id: post.id }, { token: editor.token });
    expect((await purged(`post:${post.id}`, from))[0]).toEqual(
      expect.arrayContaining([`post:${post.id}`, 'list:post', 'tag:new-tag', 'featured']),
    );
  });
});

describe('purge targets', () => {
  let recorder: Recorder;
  beforeAll(async () => {
    recorder = await startRecorder();
  });
  afterAll(() => recorder.close());

  const event = (cacheKeys: string[]): StoredEvent => ({
    seq: '1',
    type: 'post.updated',
    postId: null,
    commentId: null,
    authorId: null,
    cacheKeys,
    payload: {},
    occurredAt: new Date(),
  });
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log = {
    warn: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'warn', message, fields }),
    error: (message: string, _error?: unknown, fields?: Record<string, unknown>) =>
      logged.push({ level: 'error', message, fields }),
  };
  const noWait = async () => undefined;

  it('asks Fastly to purge by surrogate key, with its API token', async () => {
    recorder.requests.length = 0;
    const fastly = startPurger(
      { kind: 'fastly', serviceId: 'SVC1', apiToken: 'fastly-token', apiUrl: recorder.url },
      log,
      noWait,
    );
    await fastly.consumer.handle(event(['post:abc', 'list:post']));
    await fastly.drained();
    expect(recorder.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/service/SVC1/purge',
        headers: expect.objectContaining({ 'fastly-key': 'fastly-token' }),
        body: JSON.stringify({ surrogate_keys: ['post:abc', 'list:post'] }),
      }),
    ]);
  });

  it('asks Cloudflare to purge by cache tag, 30 tags a call', async () => {
    recorder.requests.length = 0;
    const cloudflare = startPurger(
      { kind: 'cloudflare', zoneId: 'ZONE9', apiToken: 'cf-token', apiUrl: recorder.url },
      log,
      noWait,
    );
    const keys = Array.from({ length: 31 }, (_, i) => `post:${i}`);
    await cloudflare.consumer.handle(event(keys));
    await cloudflare.drained();
    expect(recorder.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/client/v4/zones/ZONE9/purge_cache', 'Bearer cf-token'],
      ['/client/v4/zones/ZONE9/purge_cache', 'Bearer cf-token'],
    ]);
    expect(recorder.requests.flatMap((request) => (JSON.parse(request.body) as { tags: string[] }).tags)).toEqual(keys);
  });

  it('queues keys at once, so a slow purge target never holds up the dispatcher (and live updates)', async () => {
    const slow = http.createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 1500));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const purger = startPurger(
      {
        kind: 'http',
        url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`,
        method: 'PURGE',
        keysHeader: 'xkey-purge',
      },
      log,
      noWait,
    );
    const started = Date.now();
    await purger.consumer.handle(event(['post:slow']));
    expect(Date.now() - started).toBeLessThan(200);
    await purger.drained();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    await new Promise((resolve) => slow.close(resolve));
  });

  it('retries a failed purge with a log line per failure, and gives up after four attempts', async () => {
    const http = startPurger(
      { kind: 'http', url: `${recorder.url}/purge`, method: 'PURGE', keysHeader: 'xkey-purge' },
      log,
      noWait,
    );
    recorder.requests.length = 0;
    logged.length = 0;
    recorder.failNextRequests(2);
    await http.consumer.handle(event(['post:abc']));
    await http.drained();
    expect(recorder.requests).toHaveLength(3);
    expect(logged.map((line) => [line.level, line.fields?.attempt])).toEqual([
      ['warn', 1],
      ['warn', 2],
    ]);

    recorder.requests.length = 0;
    logged.length = 0;
    recorder.failNextRequests(10);
    await http.consumer.handle(event(['post:abc']));
    await http.drained();
    expect(recorder.requests).toHaveLength(4);
    expect(logged.map((line) => line.level)).toEqual(['warn', 'warn', 'warn', 'error']);
    expect(logged[3].message).toMatch(/giving up/);
    recorder.failNextRequests(0);
  });
});
