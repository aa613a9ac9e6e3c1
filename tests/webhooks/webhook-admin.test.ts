import { Role } from '../../src/domain/enums';
import {
  CreateWebhookDocument,
  DeleteWebhookDocument,
  RotateWebhookSecretDocument,
  TestWebhookDocument,
  UpdateWebhookDocument,
  WebhookEventTypesDocument,
  WebhookNodeDocument,
  WebhooksDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { createWebhook, webhookSettings } from '../helpers/webhook-receiver';

/** Registering, reading, changing and removing endpoints, as an admin (and as anyone else). */
describe('webhook endpoints, managed by admins', () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  const listed = async () => (await api.gql(WebhooksDocument, {}, { token: admin.token })).data!.webhooks;

  beforeAll(async () => {
    // The sender's jobs do not run here: nothing is sent, only registered.
    ({ api, admin, editor } = await startNewsroom(
      { admin: Role.ADMIN, editor: Role.EDITOR },
      webhookSettings({ maxEndpoints: 3 }),
    ));
  });
  afterAll(() => api.close());
  afterEach(async () => {
    for (const webhook of await listed())
      await api.gql(DeleteWebhookDocument, { id: webhook.id }, { token: admin.token });
  });

  it('an Idempotency-Key keeps no signing secret: createWebhook and rotateWebhookSecret are not kept or replayed', async () => {
    const send = (query: string, key: string) =>
      api.post(JSON.stringify({ query }), { authorization: `Bearer ${admin.token}`, 'idempotency-key': key });
    const created = await send(
      'mutation { createWebhook(input: { url: "https://hooks.example.com/kept" }) { secret webhook { id } } }',
      'webhook-secret-1',
    );
    const { secret, webhook } = (
      (await created.json()) as {
        data: { createWebhook: { secret: string; webhook: { id: string } } };
      }
    ).data.createWebhook;
    const rotated = await send(`mutation { rotateWebhookSecret(id: "${webhook.id}") { secret } }`, 'webhook-secret-2');
    const newSecret = ((await rotated.json()) as { data: { rotateWebhookSecret: { secret: string } } }).data
      .rotateWebhookSecret.secret;
    const kept = (await api.db.query('SELECT response_body::text AS body FROM idempotency_keys')) as Array<{
      body: string | null;
    }>;
    expect(kept.filter((row) => row.body?.includes(secret) || row.body?.includes(newSecret))).toEqual([]);
    const again = await send(`mutation { rotateWebhookSecret(id: "${webhook.id}") { secret } }`, 'webhook-secret-2');
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('createWebhook answers the endpoint and its secret, which nothing shows again', async () => {
    const created = await api.gql(
      CreateWebhookDocument,
      {
        input: {
          url: 'https://hooks.example.com/broadsheet',
          description: 'Search index',
          eventTypes: ['post.published'],
        },
      },
      { token: admin.token },
    );
    const { webhook, secret } = created.data!.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(webhook).toMatchObject({
      url: 'https://hooks.example.com/broadsheet',
      description: 'Search index',
      eventTypes: ['post.published'],
      enabled: true,
      disabledReason: null,
    });
    const list = await api.gql(WebhooksDocument, {}, { token: admin.token });
    expect(list.data!.webhooks).toEqual([webhook]);
    expect(JSON.stringify(list)).not.toContain(secret.slice('whsec_'.length));
    const node = await api.gql(WebhookNodeDocument, { id: webhook.id }, { token: admin.token });
    expect(node.data!.node).toEqual({ id: webhook.id, url: webhook.url });
  });

  it('rotateWebhookSecret answers a new secret', async () => {
    const { id, secret } = await createWebhook(api, admin.token, { url: 'https://hooks.example.com/a' });
    const rotated = await api.gql(RotateWebhookSecretDocument, { id }, { token: admin.token });
    expect(rotated.data!.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(secret);
  });

  it('webhookEventTypes lists the events of the contract, and only those may be asked for', async () => {
    const { data } = await api.gql(WebhookEventTypesDocument, {});
    expect(data!.webhookEventTypes).toEqual([
      'post.published',
      'post.updated',
      'post.unpublished',
      'post.archived',
      'post.deleted',
      'post.scheduled',
      'post.featured',
      'comment.added',
      'comment.approved',
      'comment.rejected',
      'comment.deleted',
      'related-links.changed',
      'author.updated',
      'media.created',
      'redirect.created',
      'import.completed',
    ]);
  });

  it('bad input is BAD_USER_INPUT on its field and creates or changes nothing', async () => {
    const attempts = [
      [{ url: 'https://hooks.example.com/x', eventTypes: ['post.published', 'post.exploded'] }, 'eventTypes'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['webhook.test'] }, 'eventTypes'],
      [{ url: 'ftp://hooks.example.com/x' }, 'url'],
      [{ url: 'hooks.example.com/x' }, 'url'],
    ] as const;
    for (const [input, field] of attempts) {
      const response = await api.gql(
        CreateWebhookDocument,
        { input: { ...input, eventTypes: 'eventTypes' in input ? [...input.eventTypes] : undefined } },
        { token: admin.token },
      );
      expect([errorCode(response), response.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(await listed()).toEqual([]);

    const { id } = await createWebhook(api, admin.token, { url: 'https://hooks.example.com/y' });
    const before = await listed();
    const update = await api.gql(
      UpdateWebhookDocument,
      { id, input: { url: 'https://hooks.example.com/z', eventTypes: ['nope'] } },
      { token: admin.token },
    );
    expect([errorCode(update), update.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'eventTypes']);
    const badUrl = await api.gql(UpdateWebhookDocument, { id, input: { url: 'gopher://x' } }, { token: admin.token });
    expect(errorCode(badUrl)).toBe('BAD_USER_INPUT');
    expect(await listed()).toEqual(before);
  });

  it('updateWebhook changes what it is given; deleteWebhook removes the endpoint', async () => {
    const { id } = await createWebhook(api, admin.token, {
      url: 'https://hooks.example.com/old',
      description: 'Old',
      eventTypes: ['comment.added'],
    });
    const updated = await api.gql(
      UpdateWebhookDocument,
      { id, input: { url: 'https://hooks.example.com/new', eventTypes: [], enabled: false } },
      { token: admin.token },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateWebhook).toMatchObject({
      url: 'https://hooks.example.com/new',
      description: 'Old',
      eventTypes: [],
      enabled: false,
      disabledReason: null,
    });
    const cleared = await api.gql(UpdateWebhookDocument, { id, input: { description: '' } }, { token: admin.token });
    expect(cleared.data!.updateWebhook.description).toBeNull();

    expect((await api.gql(DeleteWebhookDocument, { id }, { token: admin.token })).data!.deleteWebhook).toBe(true);
    expect(await listed()).toEqual([]);
    const again = await api.gql(DeleteWebhookDocument, { id }, { token: admin.token });
    expect(errorCode(again)).toBe('NOT_FOUND');
  });

  it('at most WEBHOOK_MAX_ENDPOINTS endpoints are registered', async () => {
    for (let i = 0; i < 3; i += 1) await createWebhook(api, admin.token, { url: `https://hooks.example.com/${i}` });
    const fourth = await api.gql(
      CreateWebhookDocument,
      { input: { url: 'https://hooks.example.com/3' } },
      { token: admin.token },
    );
    expect(errorCode(fourth)).toBe('BAD_USER_INPUT');
    expect(await listed()).toHaveLength(3);
  });

  it('only admins: anyone else is UNAUTHENTICATED or FORBIDDEN, and meets no webhook through node', async () => {
    const { id } = await createWebhook(api, admin.token, { url: 'https://hooks.example.com/private' });
    const input = { url: 'https://hooks.example.com/mine' };
    expect(errorCode(await api.gql(WebhooksDocument, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(CreateWebhookDocument, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(WebhooksDocument, {}, { token: editor.token }))).toBe('FORBIDDEN');
    for (const response of [
      await api.gql(CreateWebhookDocument, { input }, { token: editor.token }),
      await api.gql(UpdateWebhookDocument, { id, input: { enabled: false } }, { token: editor.token }),
      await api.gql(DeleteWebhookDocument, { id }, { token: editor.token }),
      await api.gql(RotateWebhookSecretDocument, { id }, { token: editor.token }),
      await api.gql(TestWebhookDocument, { id }, { token: editor.token }),
    ]) {
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect((await api.gql(WebhookNodeDocument, { id }, { token: editor.token })).data!.node).toBeNull();
    expect((await api.gql(WebhookNodeDocument, { id })).data!.node).toBeNull();
    expect(await listed()).toHaveLength(1);
  });
});
