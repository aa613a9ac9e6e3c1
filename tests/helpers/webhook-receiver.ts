import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Config, loadConfig } from '../../src/config';
import { WebhookSettings } from '../../src/webhook-settings';
import { CreateWebhookDocument, CreateWebhookInput, WebhookDeliveriesDocument } from '../generated/operations';
import { TestServer } from './test-server';

/** One request a receiver got. */
export interface Hit {
  /** The webhook-id header. */
  id: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body, parsed (empty for a request without one, as a purge). */
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** How a receiver answers its n-th request (0-based): a status, or never ('hang'). */
type Answer = (
  hit: Hit,
  n: number,
) => number | 'hang' | { status: number; headers?: Record<string, string>; body?: string };

export interface Receiver {
  url: string;
  hits: Hit[];
  /** Requests it holds unanswered right now. */
  hanging(): number;
  /** Waits until `count` requests have arrived (or fails after `ms`). */
  received(count: number, ms?: number): Promise<Hit[]>;
  close(): Promise<void>;
}

/** A webhook endpoint on 127.0.0.1 (node:http) that records what it is sent and answers as told. */
export async function startReceiver(answer: Answer = () => 204): Promise<Receiver> {
  const hits: Hit[] = [];
  let hanging = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const hit: Hit = {
        id: String(req.headers['webhook-id']),
        headers: req.headers,
        body,
        json: body ? JSON.parse(body) : {},
      };
      hits.push(hit);
      const reply = answer(hit, hits.length - 1);
      if (reply === 'hang') {
        hanging += 1;
        res.on('close', () => (hanging -= 1));
        return;
      }
      const { status, headers, body: text } = typeof reply === 'number' ? { status: reply } : reply;
      res.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    hits,
    hanging: () => hanging,
    received: (count, ms = 15_000) =>
      eventually(() => (hits.length >= count ? hits.slice(0, count) : undefined), ms, `${count} webhook requests`),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `probe` until it answers something, or fails after `ms` (a deadline against hangs, not a timing assertion). */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Throws unless `hit` carries a valid Standard Webhooks signature by `secret` (the official package verifies). */
export function verified(hit: Hit, secret: string): unknown {
  return new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
}

/** Config overrides with these WEBHOOK_* settings over the test defaults. */
export function webhookSettings(settings: Partial<WebhookSettings>): Partial<Config> {
  return { webhooks: { ...loadConfig({ NODE_ENV: 'test' }).webhooks, ...settings } };
}

/** Registers an endpoint through the API; answers its id and secret. */
export async function createWebhook(api: TestServer, token: string, input: CreateWebhookInput) {
  const response = await api.gql(CreateWebhookDocument, { input }, { token });
  if (!response.data?.createWebhook) throw new Error(`createWebhook failed: ${JSON.stringify(response.errors)}`);
  const { webhook, secret } = response.data.createWebhook;
  return { id: webhook.id, secret };
}

/** An endpoint's deliveries as the API shows them, newest first. */
export async function deliveriesOf(api: TestServer, token: string, webhookId: string) {
  const response = await api.gql(WebhookDeliveriesDocument, { first: 100 }, { token });
  const webhook = response.data?.webhooks.find((candidate) => candidate.id === webhookId);
  if (!webhook) throw new Error(`no webhook ${webhookId}: ${JSON.stringify(response.errors)}`);
  return webhook.deliveries.nodes;
}
