import net from 'node:net';
import { createClient } from 'graphql-sse';
import { Role } from '../../src/domain/enums';
import { untilListening } from '../helpers/live-client';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

const SUBSCRIPTION = 'subscription { postPublished(tag: "backlog") { id title body } }';
/** A post near the longest body there is (200,000 characters), so each event is about 190 KB. */
const LONG_BODY = `<p>${'All quiet on the harbour front. '.repeat(6_000)}</p>`;

/** An event stream opened by hand, on a socket this test does not read until it says so. */
function stalledStream(url: URL): { resume(): Promise<string> } {
  const socket = net.connect(Number(url.port), url.hostname);
  const body = JSON.stringify({ query: SUBSCRIPTION });
  socket.write(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/json\r\n` +
      `accept: text/event-stream\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // Without a 'data' listener Node stops reading once its own small buffer is full, and the
  // kernel's receive window closes behind it: the server's writes go unsent.
  return {
    resume: () =>
      new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.once('error', reject);
      }),
  };
}

async function metric(api: TestServer, name: string): Promise<number> {
  const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
}

/** Resolves once `holds` does; fails after a generous deadline rather than hang. */
async function until(holds: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Issue 16, item 7: an event stream whose client never reads held every event it was sent
 * (graphql-sse queues them all), so 20 such streams pinned 230 MB after 8 events. A stream more
 * than LIVE_STREAM_MAX_BUFFER_BYTES behind is now ended, as a WebSocket that stops answering is.
 */
describe('an event stream whose client stops reading', () => {
  let api: TestServer;
  beforeAll(async () => {
    // The default bound (LIVE_STREAM_MAX_BUFFER_BYTES, 1 MiB).
    api = await startTestServer({}, { liveEvents: true });
  });
  afterAll(() => api.close());

  it('is ended with a reason, counted, and no longer open, while a reader that reads gets every event', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const reader = createClient({ url: `${api.url}/stream`, retryAttempts: 0 });
    const read: string[] = [];
    const stopReading = reader.subscribe<{ postPublished: { id: string } }>(
      { query: SUBSCRIPTION },
      { next: (answer) => void read.push(answer.data!.postPublished.id), error: () => undefined, complete: () => {} },
    );
    await untilListening(api.url, 1);
    const stalled = stalledStream(new URL(`${api.url}/stream`));
    await untilListening(api.url, 2);

    // Events until the server lets go of the stalled stream: the kernel's buffers on both ends
    // take a few MB (4 on loopback here) before anything waits in the server; 100 are 19 MB.
    const published: string[] = [];
    let open = 2;
    while (open === 2 && published.length < 100) {
      published.push((await publishedPost(api, editor, { tags: ['backlog'], body: LONG_BODY })).id);
      open = await metric(api, 'broadsheet_live_subscriptions');
    }
    expect(open).toBe(1);
    expect(await metric(api, 'broadsheet_live_streams_dropped_total')).toBe(1);
    // Once its client reads again, it finds why, and the connection ends.
    const text = await stalled.resume();
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(text).toContain('event: next');
    expect(text).toMatch(/: closed: more than 1048576 bytes were waiting for this client; subscribe again/);
    expect(text).not.toContain('event: complete');

    await until(() => read.length === published.length, `${published.length} events read`);
    expect(read).toEqual(published);
    stopReading();
    reader.dispose();
    await untilListening(api.url, 0);
  }, 120_000);
});
