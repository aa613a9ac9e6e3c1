import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  DeleteWebhookDocument,
  PostPublishedDocument,
  PublishPostDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  TestWebhookDocument,
  UpdateWebhookDocument,
  WebhookDeliveriesDocument,
  WebhookNodeDocument,
  WebhooksDocument,
} from '../generated/operations';
import { liveClient, untilListening } from '../helpers/live-client';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';
import {
  Receiver,
  createWebhook,
  deliveriesOf,
  eventually,
  startReceiver,
  verified,
  webhookSettings,
} from '../helpers/webhook-receiver';

/** Events reach registered endpoints as signed Standard Webhooks messages, retried, recorded. */
describe('webhook deliveries', () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  /** Where the server purges CDN keys (PURGE_TARGET=http): purges must not wait for endpoints either. */
  let purges: Receiver;
  const receivers: Receiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };
  /** The endpoint's deliveries once `done` says they have settled. */
  const settled = (webhookId: string, done: (d: Awaited<ReturnType<typeof deliveriesOf>>) => boolean) =>
    eventually(
      async () => {
        const deliveries = await deliveriesOf(api, admin.token, webhookId);
        return done(deliveries) ? deliveries : undefined;
      },
      15_000,
      'deliveries to settle',
    );

  beforeAll(async () => {
    purges = await receiver();
    ({ api, admin, editor } = await startNewsroom(
      { admin: Role.ADMIN, editor: Role.EDITOR },
      {
        publicBaseUrl: 'https://news.example.com',
        purge: { kind: 'http', url: purges.url, method: 'PURGE', keysHeader: 'xkey-purge' },
        ...webhookSettings({ retryScheduleMs: [300, 300, 300], timeoutMs: 10_000, deliveriesKept: 3 }),
      },
      { liveEvents: true },
    ));
  });
  afterAll(async () => {
    await api.close();
    await Promise.all(receivers.map((r) => r.close()));
  });
  // Every endpoint hears every later event: each test starts with none.
  afterEach(async () => {
    const { data } = await api.gql(WebhooksDocument, {}, { token: admin.token });
    for (const { id } of data!.webhooks) await api.gql(DeleteWebhookDocument, { id }, { token: admin.token });
  });

  it('an event is POSTed once it commits, signed (standardwebhooks verifies it), with the contract body', async () => {
    const endpoint = await receiver();
    const { id, secret } = await createWebhook(api, admin.token, {
      url: endpoint.url,
      eventTypes: ['post.published'],
    });
    const post = await publishedPost(api, editor.token, { title: 'Ferry strike ends', tags: ['ferries'] });
    const [hit] = await endpoint.received(1);

    expect(verified(hit, secret)).toEqual(hit.json);
    expect(hit.id).toMatch(/^msg_\d+_[0-9a-f]{32}$/);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(Number(hit.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(hit.json).toEqual({
      type: 'post.published',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: expect.objectContaining({
        postId: post.id,
        authorId: editor.id,
        slug: post.slug,
        title: 'Ferry strike ends',
        status: 'PUBLISHED',
        url: `https://news.example.com/posts/${post.slug}`,
        keys: expect.arrayContaining([`post:${post.id}`, 'list:post', 'tag:ferries']),
        sequence: expect.any(Number),
      }),
    });
    const [delivery] = await settled(id, ([d]) => d?.status === 'SUCCEEDED');
    expect(delivery).toMatchObject({
      messageId: hit.id,
      eventType: 'post.published',
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivery.deliveredAt).not.toBeNull();
  });

  it('an endpoint hears only the event types it asked for', async () => {
    const comments = await receiver();
    await createWebhook(api, admin.token, { url: comments.url, eventTypes: ['comment.added'] });
    const post = await publishedPost(api, editor.token);
    await api.gql(AddCommentDocument, { input: { postId: post.id, body: 'First!' } }, { token: editor.token });
    const [hit] = await comments.received(1);
    expect(hit.json.type).toBe('comment.added');
    expect(hit.json.data).toMatchObject({ postId: post.id, commentId: expect.any(String), status: 'APPROVED' });
    expect(comments.hits.map((h) => h.json.type)).toEqual(['comment.added']);
  });

  it('a failed attempt is retried on the schedule with the same webhook-id, each attempt signed and recorded', async () => {
    const flaky = await receiver((_hit, n) => (n < 2 ? 500 : 204));
    const { id, secret } = await createWebhook(api, admin.token, { url: flaky.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    const hits = await flaky.received(3);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(1);
    expect(new Set(hits.map((hit) => hit.body)).size).toBe(1);
    for (const hit of hits) expect(verified(hit, secret)).toEqual(hit.json);
    const [delivery] = await settled(id, ([d]) => d?.status === 'SUCCEEDED');
    expect(delivery).toMatchObject({ messageId: hits[0].id, attempts: 3, lastStatusCode: 204 });
  });

  it('when the retries run out the delivery is FAILED, with the last answer, read only so far', async () => {
    const broken = await receiver(() => ({ status: 503, body: `Down for maintenance. ${'x'.repeat(1_000_000)}` }));
    const { id } = await createWebhook(api, admin.token, { url: broken.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    const [delivery] = await settled(id, ([d]) => d?.status === 'FAILED');
    expect(broken.hits).toHaveLength(4);
    expect(delivery).toMatchObject({ attempts: 4, lastStatusCode: 503, nextAttemptAt: null });
    expect(delivery.lastError).toMatch(/^HTTP 503: Down for maintenance\. x+\.\.\.$/);
    expect(delivery.lastError!.length).toBeLessThanOrEqual(500);
  });

  it('410 Gone disables the endpoint at once, with a reason; enabling it again delivers again', async () => {
    let gone = true;
    const leaving = await receiver(() => (gone ? 410 : 204));
    const { id } = await createWebhook(api, admin.token, { url: leaving.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    const [delivery] = await settled(id, ([d]) => d?.status === 'FAILED');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 410 });
    const { data } = await api.gql(WebhooksDocument, {}, { token: admin.token });
    expect(data!.webhooks[0]).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410 Gone/) });

    gone = false;
    const enabled = await api.gql(UpdateWebhookDocument, { id, input: { enabled: true } }, { token: admin.token });
    expect(enabled.data!.updateWebhook).toMatchObject({ enabled: true, disabledReason: null });
    await publishedPost(api, editor.token);
    await leaving.received(2);
    expect(leaving.hits).toHaveLength(2);
  });

  it('a redirect is not followed', async () => {
    const elsewhere = await receiver();
    const moved = await receiver(() => ({ status: 301, headers: { location: elsewhere.url } }));
    const { id } = await createWebhook(api, admin.token, { url: moved.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    const [delivery] = await settled(id, ([d]) => d?.attempts >= 1);
    expect(delivery.lastStatusCode).toBe(301);
    expect(delivery.lastError).toContain('redirects are not followed');
    expect(elsewhere.hits).toEqual([]);
  });

  it('testWebhook sends webhook.test now, whatever the event types; redeliverWebhook sends it again, same id', async () => {
    const endpoint = await receiver();
    const { id, secret } = await createWebhook(api, admin.token, { url: endpoint.url, eventTypes: ['author.updated'] });
    const tested = await api.gql(TestWebhookDocument, { id }, { token: admin.token });
    expect(tested.data!.testWebhook).toMatchObject({ eventType: 'webhook.test', status: 'PENDING', attempts: 0 });
    const [first] = await endpoint.received(1);
    expect(verified(first, secret)).toEqual({
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { webhookId: id },
    });
    expect(first.id).toBe(tested.data!.testWebhook.messageId);
    const node = await api.gql(WebhookNodeDocument, { id: tested.data!.testWebhook.id }, { token: admin.token });
    expect(node.data!.node).toEqual({ id: tested.data!.testWebhook.id, messageId: first.id });
    expect(
      (await api.gql(WebhookNodeDocument, { id: tested.data!.testWebhook.id }, { token: editor.token })).data!.node,
    ).toBeNull();

    await settled(id, ([d]) => d?.status === 'SUCCEEDED');
    const again = await api.gql(
      RedeliverWebhookDocument,
      { deliveryId: tested.data!.testWebhook.id },
      { token: admin.token },
    );
    expect(again.data!.redeliverWebhook.status).toBe('PENDING');
    const [, second] = await endpoint.received(2);
    expect(second.id).toBe(first.id);
    expect(second.body).toBe(first.body);
    await settled(id, ([d]) => d?.status === 'SUCCEEDED' && d.attempts === 2);
  });

  it('after rotateWebhookSecret a delivery carries a signature by each secret, and each verifies alone', async () => {
    const endpoint = await receiver();
    const { id, secret: oldSecret } = await createWebhook(api, admin.token, { url: endpoint.url });
    const rotated = await api.gql(RotateWebhookSecretDocument, { id }, { token: admin.token });
    const newSecret = rotated.data!.rotateWebhookSecret.secret;
    await api.gql(TestWebhookDocument, { id }, { token: admin.token });
    const [hit] = await endpoint.received(1);
    const signatures = String(hit.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    for (const [secret, signature] of [
      [newSecret, signatures[0]],
      [oldSecret, signatures[1]],
    ]) {
      expect(verified({ ...hit, headers: { ...hit.headers, 'webhook-signature': signature } }, secret)).toEqual(
        hit.json,
      );
    }
  });

  it('a hung endpoint delays neither a healthy one, nor live updates, nor cache purges', async () => {
    const hung = await receiver(() => 'hang');
    const healthy = await receiver();
    await createWebhook(api, admin.token, { url: hung.url, eventTypes: ['post.published'] });
    await createWebhook(api, admin.token, { url: healthy.url, eventTypes: ['post.published'] });
    const reader = liveClient(api.url);
    const ticker = reader.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 1);

    // More than the hung endpoint's slots: its backlog waits, nobody else's does.
    const drafts: Array<{ id: string }> = [];
    for (let i = 0; i < 6; i += 1) drafts.push(await draftPost(api, editor.token));
    for (const draft of drafts) await api.gql(PublishPostDocument, { id: draft.id }, { token: editor.token });
    const hits = await healthy.received(6);
    for (let i = 0; i < 6; i += 1) await ticker.next();
    const purged = () => purges.hits.flatMap((hit) => String(hit.headers['xkey-purge']).split(' '));
    await eventually(
      () => drafts.every((draft) => purged().includes(`post:${draft.id}`)) || undefined,
      10_000,
      'a purge of every post',
    );
    expect(hung.hanging()).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.json.data.postId).sort()).toEqual(drafts.map((draft) => draft.id).sort());
    await reader.dispose();
  });

  it('an endpoint keeps its newest WEBHOOK_DELIVERIES_KEPT finished deliveries, paged newest first', async () => {
    const endpoint = await receiver();
    const { id } = await createWebhook(api, admin.token, { url: endpoint.url });
    const sent: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      sent.push((await api.gql(TestWebhookDocument, { id }, { token: admin.token })).data!.testWebhook.id);
      await settled(id, ([d]) => d?.id === sent[i] && d.status === 'SUCCEEDED');
    }
    const page = async (after?: string) => {
      const { data } = await api.gql(WebhookDeliveriesDocument, { first: 2, after }, { token: admin.token });
      return data!.webhooks.find((webhook) => webhook.id === id)!.deliveries;
    };
    const first = await page();
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor!);
    expect([...first.nodes, ...second.nodes].map((d) => d.id)).toEqual(sent.slice(2).reverse());
    const failed = await api.gql(WebhookDeliveriesDocument, { status: 'FAILED' }, { token: admin.token });
    expect(failed.data!.webhooks[0].deliveries.totalCount).toBe(0);
  });
});

describe('an endpoint whose deliveries all fail for WEBHOOK_DISABLE_AFTER_HOURS', () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  let dead: Receiver;

  beforeAll(async () => {
    dead = await startReceiver(() => 500);
    ({ api, admin, editor } = await startNewsroom(
      { admin: Role.ADMIN, editor: Role.EDITOR },
      webhookSettings({ retryScheduleMs: Array(20).fill(200), disableAfterMs: 1000 }),
      { liveEvents: true },
    ));
  });
  afterAll(async () => {
    await api.close();
    await dead.close();
  });

  it('is disabled, with the reason, and nothing more is sent to it', async () => {
    const { id } = await createWebhook(api, admin.token, { url: dead.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    const [webhook] = await eventually(
      async () => {
        const { data } = await api.gql(WebhooksDocument, {}, { token: admin.token });
        return data!.webhooks[0].enabled ? undefined : data!.webhooks;
      },
      15_000,
      'the endpoint to be disabled',
    );
    expect(webhook.disabledReason).toMatch(/^Every delivery failed for 1 seconds, since \d{4}-/);

    // A healthy endpoint hears the next event; by then the disabled one was passed over.
    const witness = await startReceiver();
    await createWebhook(api, admin.token, { url: witness.url, eventTypes: ['post.published'] });
    await publishedPost(api, editor.token);
    await witness.received(1);
    await witness.close();
    expect(await deliveriesOf(api, admin.token, id)).toHaveLength(1);
  });
});
