import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { Role } from '../../src/domain/enums';
import { RedeliverWebhookDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';
import { createWebhook, deliveriesOf, eventually } from '../helpers/webhook-receiver';

const root = path.resolve(__dirname, '..', '..');

/** The README's receiver: the one `js` block of its Webhooks section, as it is written there. */
function readmeReceiver(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Webhooks'),
    readme.indexOf('\n## ', readme.indexOf('## Webhooks') + 1),
  );
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The README's snippet for receivers, run with Node as a reader would, against real deliveries. */
describe("the README's webhook receiver", () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  let receiver: ChildProcess | undefined;

  beforeAll(async () => {
    ({ api, admin, editor } = await startNewsroom(
      { admin: Role.ADMIN, editor: Role.EDITOR },
      { publicBaseUrl: 'https://news.example.com' },
      { liveEvents: true },
    ));
  });
  afterAll(async () => {
    receiver?.kill();
    await api.close();
  });

  it('verifies deliveries with standardwebhooks, refuses a forged one, and handles a repeated id once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const { id, secret } = await createWebhook(api, admin.token, { url, eventTypes: ['post.published'] });
    // Run from the repository, where `standardwebhooks` is installed, as an ES module.
    const child = spawn(process.execPath, ['--input-type=module', '--eval', readmeReceiver()], {
      cwd: root,
      env: { ...process.env, BROADSHEET_WEBHOOK_SECRET: secret, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    receiver = child;
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    // A message signed with another key is refused (and tells us the receiver is listening).
    const forged = async () => {
      const body = JSON.stringify({ type: 'post.published', timestamp: new Date().toISOString(), data: {} });
      const stranger = new Webhook(Buffer.from('someone else entirely, 32 bytes.').toString('base64'));
      const at = new Date();
      const headers = {
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': stranger.sign('msg_forged', at, body),
      };
      return fetch(url, { method: 'POST', headers, body }).then(
        (response) => response.status,
        () => undefined,
      );
    };
    expect(await eventually(forged, 10_000, `the receiver to listen; it said: ${output}`)).toBe(400);

    const post = await publishedPost(api, editor.token);
    const postUrl = `https://news.example.com/posts/${post.slug}`;
    await eventually(() => output.includes(postUrl) || undefined, 15_000, `the receiver to print ${postUrl}`);
    const [delivery] = await eventually(
      async () => {
        const deliveries = await deliveriesOf(api, admin.token, id);
        return deliveries[0]?.status === 'SUCCEEDED' ? deliveries : undefined;
      },
      10_000,
      'the delivery to succeed',
    );
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^post\.published \d+ https:\/\/news\.example\.com\/posts\//),
    ]);

    // The same message again: answered 2xx, handled once.
    await api.gql(RedeliverWebhookDocument, { deliveryId: delivery.id }, { token: admin.token });
    await eventually(
      async () => ((await deliveriesOf(api, admin.token, id))[0].attempts === 2 ? true : undefined),
      10_000,
      'the redelivery',
    );
    expect((await deliveriesOf(api, admin.token, id))[0]).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 204 });
    expect(output.trim().split('\n')).toHaveLength(1);
  });
});
