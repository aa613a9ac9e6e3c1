import { print } from 'graphql';
import { createClient } from 'graphql-sse';
import { Role } from '../../src/domain/enums';
import { PostPublishedDocument } from '../generated/operations';
import { untilListening } from '../helpers/live-client';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/** Subscriptions as Server-Sent Events, with the `graphql-sse` client a WebSocket-less app would use. */
describe('live subscriptions over Server-Sent Events', () => {
  let api: TestServer;
  let streamUrl: string;
  beforeAll(async () => {
    api = await startTestServer({}, { liveEvents: true });
    streamUrl = `${api.url}/stream`;
  });
  afterAll(() => api.close());

  it('streams posts as they go live', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const client = createClient({ url: streamUrl, retryAttempts: 0 });
    const received: unknown[] = [];
    let arrived: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const stop = client.subscribe(
      { query: print(PostPublishedDocument), variables: { tag: 'weather' } },
      {
        next: (answer) => {
          received.push(answer);
          arrived();
        },
        error: (error) => received.push({ error }),
        complete: () => undefined,
      },
    );
    await untilListening(api.url, 1);
    const post = await publishedPost(api, editor, { tags: ['weather'] });
    await first;
    expect(received).toEqual([
      { data: { postPublished: expect.objectContaining({ id: post.id, tags: ['weather'] }) } },
    ]);
    stop();
    client.dispose();
    await untilListening(api.url, 0);
  });

  it('streams to a client that accepts compressed answers too (an event stream is never held back)', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const controller = new AbortController();
    const response = await fetch(streamUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ query: 'subscription { postPublished(tag: "compressed") { id } }' }),
      signal: controller.signal,
    });
    // graphql-sse says "none" itself, so that proxies do not compress (and so hold back) the stream.
    expect(response.headers.get('content-encoding') ?? 'none').toBe('none');
    await untilListening(api.url, 1);
    const post = await publishedPost(api, editor, { tags: ['compressed'] });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(post.id)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: next');
    controller.abort();
    await untilListening(api.url, 0);
  });

  it('answers a bad token, a query, an oversized body and a misspelt field as HTTP does, before any stream opens', async () => {
    const open = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(streamUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify(body),
      });
    const subscription = { query: print(PostPublishedDocument) };

    const badToken = await open(subscription, { authorization: 'Bearer nope' });
    expect(badToken.status).toBe(401);
    expect((await badToken.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const query = await open({ query: '{ tags { tag } }' });
    expect(query.status).toBe(400);
    expect((await query.json()).errors[0].extensions.code).toBe('BAD_REQUEST');

    // Any body is read within /graphql's 1 MB limit, whatever type it claims.
    const huge = await open(
      { query: 'subscription { postPublished { id } }', padding: 'x'.repeat(2_000_000) },
      { 'content-type': 'application/json-patch+json' },
    );
    expect(huge.status).toBe(413);

    const misspelt = await open({ query: 'subscription { postPublished { titel } }' });
    expect(misspelt.status).toBe(400);
    expect((await misspelt.json()).errors[0]).toMatchObject({
      message: expect.stringContaining('Cannot query field "titel"'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
