import dns from 'node:dns';
import { loadConfig } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { CreateWebhookDocument, TestWebhookDocument, WebhooksDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { Receiver, createWebhook, deliveriesOf, eventually, startReceiver } from '../helpers/webhook-receiver';

/** A public address, answered by the fake DNS below and never connected to (every test here is refused first). */
const PUBLIC_ADDRESS = '93.184.215.14';

/**
 * What a name resolves to, for names of this test only: the system's resolver cannot be told of
 * a name that changes its answer (DNS rebinding), so those answers come from here; every other
 * name goes to the real lookup.
 */
const fakeNames = new Map<string, () => Array<{ address: string; family: number }>>();
const realLookup = dns.promises.lookup.bind(dns.promises);

/**
 * Production settings: WEBHOOK_ALLOW_PRIVATE_NETWORKS is off by default there. The receiver is
 * on 127.0.0.1, where nothing may be sent: every case must be refused before connecting.
 */
describe('webhooks in production refuse loopback, private, link-local and multicast addresses', () => {
  let api: TestServer;
  let admin: SignedIn;
  let receiver: Receiver;
  let port: number;

  beforeAll(async () => {
    receiver = await startReceiver();
    port = Number(new URL(receiver.url).port);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-bytes' });
    expect(production.webhooks.allowPrivateNetworks).toBe(false);
    ({ api, admin } = await startNewsroom(
      { admin: Role.ADMIN },
      { production: true, webhooks: production.webhooks },
      { liveEvents: true },
    ));
    jest.spyOn(dns.promises, 'lookup').mockImplementation((async (hostname: string, options: dns.LookupAllOptions) => {
      const fake = fakeNames.get(hostname);
      return fake ? fake() : realLookup(hostname, options);
    }) as typeof dns.promises.lookup);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.close();
    await receiver.close();
  });

  /** Refused as an address the server does not send to; or, for numeric hosts, as no URL class-validator accepts. */
  const notSentThere = /is a \w+ address/;
  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/hooks`, notSentThere],
    ['localhost', () => `http://localhost:${port}/hooks`, notSentThere],
    ['IPv6 loopback', () => `http://[::1]:${port}/hooks`, notSentThere],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/hooks`, notSentThere],
    ['a decimal IP', () => `http://2130706433:${port}/hooks`, /absolute http or https URL/],
    ['a hexadecimal, shortened IP', () => `http://0x7f.1:${port}/hooks`, /absolute http or https URL/],
    ['a private network', () => 'http://10.20.30.40/hooks', notSentThere],
    ['link-local (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/', notSentThere],
    ['multicast', () => 'http://224.0.0.251/hooks', notSentThere],
    ['the unspecified address', () => `http://0.0.0.0:${port}/hooks`, notSentThere],
    ['a name that resolves to 127.0.0.1', () => `http://loopback-alias.test:${port}/hooks`, notSentThere],
    ['a name with a public and a loopback address', () => `http://mixed.test:${port}/hooks`, notSentThere],
  ])('createWebhook refuses %s: BAD_USER_INPUT on url, nothing created', async (_case, url, message) => {
    fakeNames.set('loopback-alias.test', () => [{ address: '127.0.0.1', family: 4 }]);
    fakeNames.set('mixed.test', () => [
      { address: PUBLIC_ADDRESS, family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    const response = await api.gql(CreateWebhookDocument, { input: { url: url() } }, { token: admin.token });
    expect([errorCode(response), response.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'url']);
    expect(response.errors?.[0].message).toMatch(message);
    expect((await api.gql(WebhooksDocument, {}, { token: admin.token })).data!.webhooks).toEqual([]);
  });

  it('checks the address actually connected to, at every attempt: a name rebound to 127.0.0.1 is refused', async () => {
    let lookups = 0;
    // Public when the endpoint is registered, loopback when it is delivered to.
    fakeNames.set('rebind.test', () => [{ address: (lookups += 1) === 1 ? PUBLIC_ADDRESS : '127.0.0.1', family: 4 }]);
    const { id } = await createWebhook(api, admin.token, { url: `http://rebind.test:${port}/hooks` });
    await api.gql(TestWebhookDocument, { id }, { token: admin.token });
    const [delivery] = await eventually(
      async () => {
        const deliveries = await deliveriesOf(api, admin.token, id);
        return deliveries[0]?.attempts === 1 ? deliveries : undefined;
      },
      10_000,
      'the attempt to be recorded',
    );
    expect(delivery).toMatchObject({ status: 'FAILED', lastStatusCode: null });
    expect(delivery.lastError).toBe('refused: 127.0.0.1 is a loopback address (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)');
    expect(receiver.hits).toEqual([]);
  });
});
