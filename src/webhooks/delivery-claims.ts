import { DataSource } from 'typeorm';
import { returningRows } from '../db/returning-rows';
import { tagged } from '../db/statement-tag';

/** A due delivery this instance holds the lease of, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  messageId: string;
  eventType: string;
  payload: unknown;
  /** Attempts before this one. */
  attempts: number;
  /** false: this is its one attempt (redeliverWebhook, testWebhook). */
  retries: boolean;
  /** The lease: the attempt is recorded only while it is still this one's. */
  claim: string;
  /** The endpoint is in a failing period: a success must end it. */
  failing: boolean;
  url: string;
  /** The current secret, and the previous one during the 24 hours after a rotation. */
  secrets: string[];
}

export interface ClaimLimits {
  /** Deliveries to claim at most (the instance's free sending slots). */
  limit: number;
  /** Sends at once per endpoint on this instance. */
  perEndpoint: number;
  /** This instance's sends under way, per endpoint. */
  busy: ReadonlyMap<string, number>;
  /** How long other instances leave a claimed delivery alone. */
  leaseMs: number;
}

/**
 * Claims due deliveries of enabled endpoints, oldest due first, each endpoint's first few (up
 * to its free slots here): one endpoint's backlog cannot take every slot. `FOR UPDATE SKIP
 * LOCKED` and the lease make each claim one instance's: a row another instance is claiming is
 * skipped, and a claimed row is not due again until its lease ends, which only happens when the
 * instance that claimed it died mid-attempt (an attempt ends within WEBHOOK_TIMEOUT_MS). The
 * claim commits at once: sending happens outside any transaction.
 */
export async function claimDueDeliveries(db: DataSource, limits: ClaimLimits): Promise<ClaimedDelivery[]> {
  const busyIds = [...limits.busy.keys()];
  const claimed = await db.query(
    tagged(
      'webhooks',
      `WITH picked AS (
         SELECT due.id FROM webhooks w
         CROSS JOIN LATERAL (
           SELECT d.id, d.next_attempt_at FROM webhook_deliveries d
           WHERE d.webhook_id = w.id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
             AND (d.locked_until IS NULL OR d.locked_until <= now())
           ORDER BY d.next_attempt_at, d.id
           LIMIT greatest($2 - coalesce((SELECT b.n FROM unnest($3::uuid[], $4::int[]) AS b(id, n) WHERE b.id = w.id), 0), 0)
           FOR UPDATE OF d SKIP LOCKED
         ) due
         WHERE w.enabled
         ORDER BY due.next_attempt_at
         LIMIT $1
       )
       UPDATE webhook_deliveries d
       SET locked_until = now() + make_interval(secs => $5), claim = gen_random_uuid()
       FROM picked, webhooks w
       WHERE d.id = picked.id AND w.id = d.webhook_id
       RETURNING d.id, d.webhook_id AS "webhookId", d.message_id AS "messageId", d.event_type AS "eventType",
         d.payload, d.attempts, d.retries, d.claim, w.url, w.failing_since IS NOT NULL AS failing,
         array_remove(ARRAY[w.secret, CASE WHEN w.previous_secret_until > now() THEN w.previous_secret END], NULL) AS secrets`,
    ),
    [limits.limit, limits.perEndpoint, busyIds, busyIds.map((id) => limits.busy.get(id)), limits.leaseMs / 1000],
  );
  return returningRows<ClaimedDelivery>(claimed);
}

/** Whether any delivery waits for an attempt, due or not, on any instance. */
export async function anyPending(db: DataSource): Promise<boolean> {
  const [{ pending }] = (await db.query(
    tagged('webhooks', `SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = 'PENDING') AS pending`),
  )) as Array<{ pending: boolean }>;
  return pending;
}
