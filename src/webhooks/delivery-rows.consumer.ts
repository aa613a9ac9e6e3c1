import { EntityManager } from 'typeorm';
import { EventConsumer } from '../events/dispatcher';
import { isEventType } from '../events/event-types';
import { DELIVERIES_DUE_CHANNEL } from '../services/webhook-deliveries';
import { PostFacts, webhookBody } from './event-payload';

/**
 * The outbox consumer of webhooks: for each event, one delivery row per enabled endpoint that
 * asked for its type, written in the dispatcher's transaction (so rows exist exactly when the
 * event counts as handed on), due now, and a NOTIFY that wakes the senders at commit. It never
 * calls out: sending is the sender job's (delivery-sender.ts), so an endpoint, however slow,
 * never holds the dispatcher, live updates or purges. Two statements for an event some endpoint
 * wants, one for the rest. The message id is the event's sequence and the endpoint's id: the same
 * on every attempt, and an event handed on twice (the dispatcher delivers at least once) makes
 * no second row.
 */
export function deliveryRowsConsumer(db: EntityManager, postUrl: (slug: string) => string): EventConsumer {
  return {
    name: 'webhooks',
    async handle(event, round) {
      // Events the contract does not offer to webhooks (an image's later changes) make no row.
      if (!isEventType(event.type)) return;
      const m = round ?? db;
      const endpoints = (await m.query(
        `SELECT w.id, p.slug, p.title, p.status, p.published_at AS "publishedAt", p.author_id AS "authorId"
         FROM webhooks w LEFT JOIN posts p ON p.id = $2::uuid
         WHERE w.enabled AND (cardinality(w.event_types) = 0 OR $1 = ANY (w.event_types))`,
        [event.type, event.postId],
      )) as Array<{ id: string; slug: string | null } & Omit<PostFacts, 'slug'>>;
      if (endpoints.length === 0) return;
      const [first] = endpoints;
      // The post is the same on every row (null columns when there is none, or it is gone).
      const body = webhookBody(event, first.slug === null ? null : (first as PostFacts), postUrl);
      await m.query(
        `WITH inserted AS (
           INSERT INTO webhook_deliveries (webhook_id, message_id, event_type, payload, next_attempt_at)
           SELECT w.id, 'msg_' || $2 || '_' || replace(w.id::text, '-', ''), $3, $4::jsonb, now()
           FROM unnest($1::uuid[]) AS w(id)
           ON CONFLICT (webhook_id, message_id) DO NOTHING
           RETURNING 1)
         SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '') FROM (SELECT 1 FROM inserted LIMIT 1) AS any_inserted`,
        [endpoints.map((endpoint) => endpoint.id), event.seq, event.type, JSON.stringify(body)],
      );
    },
  };
}
