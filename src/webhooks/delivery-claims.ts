import { DataSource } from 'typeorm';
import { returningRows } from '../db/returning-rows';
import { tagged } from '../db/statement-tag';
import { inTransaction } from '../db/transaction';
import { WebhookSettings } from '../webhook-settings';

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
         d.payload, d.attempts, d.retries, d.claim, w.url,
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

/** How an attempt went: a 2xx (`error` null), or why not. */
export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

/** What recording an attempt decided. */
export interface Recorded {
  /** When the next attempt is due; null when the delivery is finished (or was no longer ours). */
  nextAttemptAt: Date | null;
  /** Why the endpoint was disabled by this attempt, if it was. */
  disabledReason: string | null;
}

const MAX_ERROR_LENGTH = 500;

/** "120 hours", or for short spans (tests) "1.5 seconds". */
function spanOf(ms: number): string {
  return ms >= 3_600_000 ? `${+(ms / 3_600_000).toFixed(2)} hours` : `${+(ms / 1000).toFixed(1)} seconds`;
}

/**
 * Records one attempt, in one transaction, while the lease is still ours: the delivery's
 * count, answer and next step (SUCCEEDED, the next retry by WEBHOOK_RETRY_SCHEDULE, or FAILED),
 * and the endpoint's health: a success ends its failing period; 410 Gone disables it at once;
 * a failure when every delivery has failed for WEBHOOK_DISABLE_AFTER_HOURS disables it. A
 * finished delivery makes room: its endpoint keeps its newest WEBHOOK_DELIVERIES_KEPT finished
 * ones (a bounded index read each time, so the bound holds exactly).
 */
export async function recordAttempt(
  db: DataSource,
  delivery: ClaimedDelivery,
  result: AttemptResult,
  settings: WebhookSettings,
): Promise<Recorded> {
  const succeeded = result.error === null;
  const gone = result.statusCode === 410;
  const attempt = delivery.attempts + 1;
  const retryInMs =
    !succeeded && !gone && delivery.retries && attempt <= settings.retryScheduleMs.length
      ? settings.retryScheduleMs[attempt - 1]
      : null;
  const status = succeeded ? 'SUCCEEDED' : retryInMs === null ? 'FAILED' : 'PENDING';
  const error = result.error === null ? null : result.error.slice(0, MAX_ERROR_LENGTH);
  return inTransaction(db.manager, async (m) => {
    const [row] = returningRows<{ nextAttemptAt: Date | null }>(
      await m.query(
        tagged(
          'webhooks',
          `UPDATE webhook_deliveries SET status = $3, attempts = attempts + 1, last_status_code = $4, last_error = $5,
           next_attempt_at = CASE WHEN $6::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $6) END,
           delivered_at = CASE WHEN $3 = 'SUCCEEDED' THEN now() ELSE delivered_at END,
           locked_until = NULL, claim = NULL
         WHERE id = $1 AND claim = $2 RETURNING next_attempt_at AS "nextAttemptAt"`,
        ),
        [delivery.id, delivery.claim, status, result.statusCode, error, retryInMs === null ? null : retryInMs / 1000],
      ),
    );
    if (!row) return { nextAttemptAt: null, disabledReason: null };
    const [endpoint] = returningRows<{ disabledNow: boolean; disabledReason: string | null }>(
      await m.query(
        tagged(
          'webhooks',
          `WITH before AS (
           SELECT enabled, failing_since,
             NOT $2 AND coalesce(failing_since, now()) <= now() - make_interval(secs => $4) AS failing_too_long
           FROM webhooks WHERE id = $1 FOR UPDATE)
         UPDATE webhooks w SET
           failing_since = CASE WHEN $2 THEN NULL ELSE coalesce(w.failing_since, now()) END,
           enabled = w.enabled AND NOT ($3 OR before.failing_too_long),
           disabled_reason = CASE
             WHEN NOT w.enabled THEN w.disabled_reason
             WHEN $3 THEN 'The endpoint answered 410 Gone on ' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '.'
             WHEN before.failing_too_long THEN 'Every delivery failed for ' || $5 || ', since '
               || to_char(coalesce(before.failing_since, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '.'
           END
         FROM before WHERE w.id = $1
         RETURNING before.enabled AND NOT w.enabled AS "disabledNow", w.disabled_reason AS "disabledReason"`,
        ),
        [delivery.webhookId, succeeded, gone, settings.disableAfterMs / 1000, spanOf(settings.disableAfterMs)],
      ),
    ) as Array<{ disabledNow: boolean; disabledReason: string | null }>;
    if (status !== 'PENDING') {
      await m.query(
        tagged(
          'webhooks',
          `DELETE FROM webhook_deliveries WHERE id IN (
             SELECT id FROM webhook_deliveries WHERE webhook_id = $1 AND status <> 'PENDING'
             ORDER BY created_at DESC, id DESC OFFSET $2)`,
        ),
        [delivery.webhookId, settings.deliveriesKept],
      );
    }
    return {
      nextAttemptAt: row.nextAttemptAt,
      disabledReason: endpoint?.disabledNow ? endpoint.disabledReason : null,
    };
  });
}
