import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { toGlobalId } from '../domain/global-id';
import { selectList } from '../entities/columns';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { Webhook } from '../entities/webhook.entity';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { isEventType } from '../events/event-types';
import { refusalOfUrl } from '../policy/webhook-destination.policy';
import { canManageWebhooks } from '../policy/webhook.policy';
import { DELIVERY_COLUMNS, notifyDeliveriesDue } from './webhook-deliveries';
import { NewWebhook, WebhookChanges, WebhookRules } from './webhook.commands';

/** An endpoint with its signing secret, shown only by createWebhook and rotateWebhookSecret. */
export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

const WEBHOOK_COLUMNS = selectList(Webhook, 'w');

/** Makes one endpoint's creations take turns, so WEBHOOK_MAX_ENDPOINTS holds under concurrent creates. */
const CREATE_LOCK = 0x77656268; // "webh"

/** Standard Webhooks' form: `whsec_` and the base64 of the key (32 random bytes; the contract asks for 24 or more). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Known event types, each once, in the order given; anything else is BAD_USER_INPUT naming it. */
function eventTypesOf(types: string[] | null | undefined): string[] {
  const unknown = (types ?? []).find((type) => !isEventType(type));
  if (unknown !== undefined) {
    throw new BadUserInputError(`"${unknown}" is not an event type; webhookEventTypes lists them.`, 'eventTypes');
  }
  return [...new Set(types ?? [])];
}

/**
 * Webhook endpoints, for admins: register, change, remove, rotate secrets, and ask for a
 * delivery now (a test event, or an event again). Sending is src/webhooks' job: these only write
 * rows and wake it, so no request ever waits for an endpoint.
 */
export class WebhookService {
  constructor(
    private readonly db: EntityManager,
    private readonly rules: WebhookRules,
  ) {}

  private allow(viewer: Viewer): void {
    if (!canManageWebhooks(viewer)) throw new ForbiddenError();
  }

  /** An absolute http(s) URL the server may connect to (checked again at every attempt). */
  private async checkedUrl(url: string): Promise<string> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new BadUserInputError('url must be an absolute http or https URL', 'url');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new BadUserInputError('url must be an absolute http or https URL', 'url');
    }
    const refusal = await refusalOfUrl(parsed, this.rules.allowPrivateNetworks);
    if (refusal) throw new BadUserInputError(`The server does not send webhooks there: ${refusal}.`, 'url');
    return url;
  }

  async create(viewer: Viewer, input: NewWebhook): Promise<WebhookWithSecret> {
    this.allow(viewer);
    const eventTypes = eventTypesOf(input.eventTypes);
    const url = await this.checkedUrl(input.url);
    const secret = newSecret();
    return inTransaction(this.db, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [CREATE_LOCK]);
      const [{ count }] = (await m.query('SELECT count(*)::int AS count FROM webhooks')) as Array<{ count: number }>;
      if (count >= this.rules.maxEndpoints) {
        throw new BadUserInputError(
          `At most ${this.rules.maxEndpoints} webhooks may be registered (WEBHOOK_MAX_ENDPOINTS); delete one first.`,
          'url',
        );
      }
      const [webhook] = (await m.query(
        `INSERT INTO webhooks AS w (url, description, event_types, secret) VALUES ($1, $2, $3, $4)
         RETURNING ${WEBHOOK_COLUMNS}`,
        [url, input.description ?? null, eventTypes, secret],
      )) as Webhook[];
      return { webhook, secret };
    });
  }

  async update(viewer: Viewer, id: string, changes: WebhookChanges): Promise<Webhook> {
    this.allow(viewer);
    const eventTypes = changes.eventTypes == null ? null : eventTypesOf(changes.eventTypes);
    const url = changes.url == null ? null : await this.checkedUrl(changes.url);
    const enabled = changes.enabled ?? null;
    return inTransaction(this.db, async (m) => {
      // An empty description clears it. Enabling starts afresh: no reason, no failing period carried over.
      const [webhook] = returningRows<Webhook>(
        await m.query(
          `UPDATE webhooks w SET
           url = coalesce($2, w.url),
           description = CASE WHEN $3::text IS NULL THEN w.description ELSE nullif($3, '') END,
           event_types = coalesce($4, w.event_types),
           enabled = coalesce($5::boolean, w.enabled),
           disabled_reason = CASE WHEN $5::boolean IS NULL THEN w.disabled_reason END,
           failing_since = CASE WHEN $5::boolean IS NOT TRUE THEN w.failing_since END
         WHERE w.id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
          [id, url, changes.description ?? null, eventTypes, enabled],
        ),
      );
      if (!webhook) throw new NotFoundError('Webhook');
      if (enabled) await notifyDeliveriesDue(m); // what waited while it was off goes now
      return webhook;
    });
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    this.allow(viewer);
    return inTransaction(this.db, async (m) => {
      const deleted = returningRows(await m.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id]));
      if (deleted.length === 0) throw new NotFoundError('Webhook');
      return true;
    });
  }

  /** A new secret; the old one keeps signing too for 24 hours, so receivers can switch without losing a delivery. */
  async rotateSecret(viewer: Viewer, id: string): Promise<WebhookWithSecret> {
    this.allow(viewer);
    const secret = newSecret();
    return inTransaction(this.db, async (m) => {
      const [webhook] = returningRows<Webhook>(
        await m.query(
          `UPDATE webhooks w SET previous_secret = w.secret, previous_secret_until = now() + interval '24 hours', secret = $2
         WHERE w.id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
          [id, secret],
        ),
      );
      if (!webhook) throw new NotFoundError('Webhook');
      return { webhook, secret };
    });
  }

  /**
   * The delivery's event again, at once, with the same message id: one more attempt, without
   * retries when it was finished (a PENDING one keeps its schedule and is only brought forward).
   */
  async redeliver(viewer: Viewer, deliveryId: string): Promise<WebhookDelivery> {
    this.allow(viewer);
    return inTransaction(this.db, async (m) => {
      const [delivery] = returningRows<WebhookDelivery & { enabled: boolean }>(
        await m.query(
          `UPDATE webhook_deliveries d SET
           retries = d.retries AND d.status = 'PENDING', status = 'PENDING', next_attempt_at = now()
         FROM webhooks w WHERE d.id = $1 AND w.id = d.webhook_id RETURNING ${DELIVERY_COLUMNS}, w.enabled`,
          [deliveryId],
        ),
      );
      if (!delivery) throw new NotFoundError('Webhook delivery');
      if (!delivery.enabled) throw new BadUserInputError('The webhook is disabled; enable it first.', 'deliveryId');
      await notifyDeliveriesDue(m);
      const { enabled: _enabled, ...served } = delivery;
      return served;
    });
  }

  /** A `webhook.test` event to the endpoint now, whatever its event types: one attempt, no retries. */
  async test(viewer: Viewer, id: string): Promise<WebhookDelivery> {
    this.allow(viewer);
    return inTransaction(this.db, async (m) => {
      const [webhook] = (await m.query('SELECT enabled FROM webhooks WHERE id = $1', [id])) as Array<{
        enabled: boolean;
      }>;
      if (!webhook) throw new NotFoundError('Webhook');
      if (!webhook.enabled) throw new BadUserInputError('The webhook is disabled; enable it first.', 'id');
      const data = { webhookId: toGlobalId('Webhook', id) };
      const [delivery] = (await m.query(
        `INSERT INTO webhook_deliveries AS d (webhook_id, message_id, event_type, payload, retries, next_attempt_at)
         VALUES ($1, 'msg_test_' || replace(gen_random_uuid()::text, '-', ''), 'webhook.test',
                 jsonb_build_object('type', 'webhook.test', 'timestamp', $2::text, 'data', $3::jsonb), false, now())
         RETURNING ${DELIVERY_COLUMNS}`,
        [id, new Date().toISOString(), JSON.stringify(data)],
      )) as WebhookDelivery[];
      await notifyDeliveriesDue(m);
      return delivery;
    });
  }
}
