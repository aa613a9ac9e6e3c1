import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  CommentAddedDocument,
  LogoutDocument,
  ModerateCommentDocument,
  PostPublishedDocument,
  PublishPostDocument,
  TagsDocument,
  UnpublishPostDocument,
} from '../generated/operations';
import { LiveClient, liveClient, untilListening } from '../helpers/live-client';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer, errorCode, startTestServer } from '../helpers/test-server';

/** Subscriptions over WebSocket as a client app uses them: graphql-ws, the token in connection_init. */
describe('live subscriptions', () => {
  let api: TestServer;
  let editor: string;
  const clients: LiveClient[] = [];
  const connect = (token?: string, headers?: Record<string, string>) => {
    const client = liveClient(api.url, token, headers);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    const newsroom = await startNewsroom(
      { editor: Role.EDITOR },
      { subscriptionsPerConnection: 3, subscriptionsPerClientIp: 5 },
      { liveEvents: true },
    );
    api = newsroom.api;
    editor = newsroom.editor.token;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await untilListening(api.url, 0);
  });
  afterAll(() => api.close());

  const comment = async (postId: string, body: string, token?: string) => {
    const response = await api.gql(
      AddCommentDocument,
      { input: { postId, body, authorName: token ? undefined : 'A reader' } },
      { token },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.addComment;
  };

  it('delivers a comment when readers can see it: added by staff, or approved; never while pending', async () => {
    const post = await publishedPost(api, editor);
    const reader = connect().subscribe(CommentAddedDocument, { postId: post.id });
    await untilListening(api.url, 1);

    const pending = await comment(post.id, 'First!');
    const staff = await comment(post.id, 'Thanks for reading.', editor);
    const first = await reader.next();
    expect(first.data?.commentAdded).toEqual({
      id: staff.id,
      body: 'Thanks for reading.',
      authorName: expect.any(String),
      status: 'APPROVED',
      post: { id: post.id, title: post.title },
    });

    await api.gql(ModerateCommentDocument, { id: pending.id, status: 'APPROVED' }, { token: editor });
    const second = await reader.next();
    expect(second.data?.commentAdded).toMatchObject({ id: pending.id, body: 'First!', status: 'APPROVED' });
    expect(reader.received).toHaveLength(2);
  });

  it('does not tell readers about comments on a post they cannot see (taken down); staff hear of them', async () => {
    const hidden = await publishedPost(api, editor);
    const held = await comment(hidden.id, 'Held for moderation.');
    await api.gql(UnpublishPostDocument, { id: hidden.id }, { token: editor });
    const live = await publishedPost(api, editor);
    const reader = connect();
    const onHidden = reader.subscribe(CommentAddedDocument, { postId: hidden.id });
    const onLive = reader.subscribe(CommentAddedDocument, { postId: live.id });
    const staffWatching = connect(editor).subscribe(CommentAddedDocument, { postId: hidden.id });
    await untilListening(api.url, 3);

    await api.gql(ModerateCommentDocument, { id: held.id, status: 'APPROVED' }, { token: editor });
    expect((await staffWatching.next()).data?.commentAdded.id).toBe(held.id);
    // The post stays down for the whole test, so whenever the reader's stream reads the
    // approval, it must skip it; a later comment elsewhere shows the reader is being served.
    const elsewhere = await comment(live.id, 'On a live story.', editor);
    expect((await onLive.next()).data?.commentAdded.id).toBe(elsewhere.id);
    expect(onHidden.received).toEqual([]);
  });

  it('announces posts going live, by tag, scheduled ones once after their time, and again after a re-publish', async () => {
    const client = connect();
    const breaking = client.subscribe(PostPublishedDocument, { tag: ' Breaking ' });
    const everything = client.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 2);

    const other = await publishedPost(api, editor, { tags: ['sport'] });
    expect((await everything.next()).data?.postPublished).toMatchObject({ id: other.id, tags: ['sport'] });

    const publishAt = new Date(Date.now() + 1500).toISOString();
    const scheduled = await publishedPost(api, editor, { tags: ['breaking', 'politics'] }, publishAt);
    const announced = await breaking.next();
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect(announced.data?.postPublished).toMatchObject({ id: scheduled.id, tags: ['breaking', 'politics'] });
    expect((await everything.next()).data?.postPublished.id).toBe(scheduled.id);

    // Taken down and published again: it goes live again, and is announced again (once).
    await api.gql(UnpublishPostDocument, { id: scheduled.id }, { token: editor });
    await api.gql(PublishPostDocument, { id: scheduled.id }, { token: editor });
    expect((await breaking.next()).data?.postPublished.id).toBe(scheduled.id);
    const marker = await publishedPost(api, editor, { tags: ['breaking'] });
    expect((await breaking.next()).data?.postPublished.id).toBe(marker.id);
    expect(breaking.received.map((answer) => answer.data?.postPublished.id)).toEqual([
      scheduled.id,
      scheduled.id,
      marker.id,
    ]);
  });

  it('refuses a bad token by closing the socket with 4401 and a reason', async () => {
    const client = connect('not-a-token');
    client.subscribe(PostPublishedDocument, {});
    expect(await client.closed()).toEqual({
      code: 4401,
      reason: 'The sign-in token is invalid or expired; sign in again.',
    });
  });

  it('ends the live updates of a sign-in that ends (4401 at the next event)', async () => {
    const writer = await api.signUp(Role.EDITOR);
    const client = connect(writer.token);
    const subscription = client.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 1);
    await api.gql(LogoutDocument, {}, { token: writer.token });
    await publishedPost(api, editor);
    expect((await client.closed()).code).toBe(4401);
    expect(subscription.received).toEqual([]);
  });

  it('serves subscriptions only, and answers mistakes and deep documents as HTTP does', async () => {
    const client = connect();
    // A query over the socket would skip HTTP's rate limits and idempotency keys.
    const query = client.subscribe(TagsDocument, {});
    expect(await query.failure()).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);

    const misspelt = client.subscribe('subscription { postPublished { titel } }', {});
    expect(await misspelt.failure()).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Cannot query field "titel"'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    const broken = client.subscribe('subscription { postPublished { id }', {});
    expect(await broken.failure()).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);

    const nested = (levels: number): string => (levels === 0 ? 'id' : `relatedPosts { ${nested(levels - 1)} }`);
    const tooDeep = client.subscribe(`subscription { postPublished { ${nested(9)} } }`, {});
    expect(await tooDeep.failure()).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_COMPLEX' },
        message: expect.stringContaining('11 levels'),
      }),
    ]);
  });

  it('caps open subscriptions per connection and per client address', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    const first = connect(undefined, headers);
    for (let i = 0; i < 3; i += 1) first.subscribe(PostPublishedDocument, {});
    const fourth = first.subscribe(PostPublishedDocument, {});
    expect(await fourth.failure()).toEqual([expect.objectContaining({ extensions: { code: 'RATE_LIMITED' } })]);

    const second = connect(undefined, headers);
    second.subscribe(PostPublishedDocument, {});
    second.subscribe(PostPublishedDocument, {});
    const sixth = second.subscribe(PostPublishedDocument, {});
    expect(await sixth.failure()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('per client address') }),
    ]);
    // Another address is not held back by this one.
    const elsewhere = connect(undefined, { 'x-forwarded-for': '198.51.100.9' }).subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 6);
    expect(elsewhere.received).toEqual([]);
  });

  it('counts event streams and WebSocket subscriptions of an address against one cap, and caps its sockets too', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.90' };
    const client = connect(undefined, headers);
    for (let i = 0; i < 3; i += 1) client.subscribe(PostPublishedDocument, {});
    const other = connect(undefined, headers);
    other.subscribe(PostPublishedDocument, {});
    other.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 5);
    const stream = await fetch(`${api.url}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query: 'subscription { postPublished { id } }' }),
    });
    expect(stream.status).toBe(429);
    expect((await stream.json()).errors[0].extensions.code).toBe('RATE_LIMITED');

    // Five sockets at most for five subscriptions: the sixth is closed at once.
    const idle = Array.from({ length: 4 }, () => connect(undefined, headers));
    const closed = await Promise.race(idle.map((socket) => socket.closed(5000)));
    expect(closed).toEqual({ code: 1013, reason: 'Too many connections from this address.' });
  });

  it('answers a subscription sent over HTTP with BAD_REQUEST', async () => {
    const response = await api.gql(PostPublishedDocument, {});
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_REQUEST');
  });
});

describe('live subscriptions of a sign-in that expires', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ jwtExpiresIn: '2s' }, { liveEvents: true });
  });
  afterAll(() => api.close());

  it('end with 4401 at the first event after the token expires', async () => {
    const reader = await api.signUp(Role.EDITOR);
    const { exp } = JSON.parse(Buffer.from(reader.token.split('.')[1], 'base64url').toString()) as { exp: number };
    const client = liveClient(api.url, reader.token);
    const subscription = client.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 1);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 100));
    // A fresh sign-in publishes; the expired one hears nothing of it.
    await publishedPost(api, (await api.signUp(Role.EDITOR)).token);
    expect(await client.closed()).toEqual({ code: 4401, reason: 'This sign-in has ended; sign in again.' });
    expect(subscription.received).toEqual([]);
    await client.dispose();
  });
});
