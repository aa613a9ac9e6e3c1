import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../db/returning-rows';
import { tagged } from '../db/statement-tag';
import { inTransaction } from '../db/transaction';
import { WebhookSettings } from '../webhook-settings';
import { ClaimedDelivery } from './delivery-claims';

/** How an attempt went: a 2xx (`error` null), or why not. */
export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

/** What recording an attempt decided. */
interface Recorded {
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
 * The delivery's count, answer and next step, while the lease is still ours; and, when it is
 * finished, room made: its endpoint keeps its newest WEBHOOK_DELIVERIES_KEPT finished ones (a
 * bounded index read, so the bound holds exactly). One statement: the DELETE sees the rows as
 * they were before it, this one still PENDING, so it leaves this one out and keeps one fewer.
 */
const RECORD_SQL = tagged(
  'webhooks',
  `WITH recorded AS (
     UPDATE webhook_deliveries SET status = $3, attempts = attempts + 1, last_status_code = $4, last_error = $5,
       next_attempt_at = CASE WHEN $6::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $6) END,
       delivered_at = CASE WHEN $3 = 'SUCCEEDED' THEN now() ELSE delivered_at END,
       locked_until = NULL, claim = NULL
     WHERE id = $1 AND claim = $2 RETURNING next_attempt_at
   ), pruned AS (
     DELETE FROM webhook_deliveries WHERE $3 <> 'PENDING' AND EXISTS (SELECT 1 FROM recorded) AND id IN (
       SELECT id FROM webhook_deliveries WHERE webhook_id = $7 AND status <> 'PENDING' AND id <> $1
       ORDER BY created_at DESC, id DESC OFFSET $8)
   )
   SELECT next_attempt_at AS "nextAttemptAt" FROM recorded`,
);

/**
 * The endpoint's health after an attempt: a success ends its failing period; 410 Gone disables
 * it at once; a failure when every delivery has failed for WEBHOOK_DISABLE_AFTER_HOURS (since
 * the first failure after the last success) disables it. Answers whether this disabled it.
 */
const HEALTH_SQL = tagged(
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
);

/**
 * Records one attempt: SUCCEEDED, the next retry by WEBHOOK_RETRY_SCHEDULE, or FAILED, and the
 * endpoint's health. A success of a healthy endpoint (the usual case) is one statement; anything
 * else is one transaction with the health update.
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
  const record = async (m: EntityManager): Promise<Recorded> => {
    const [row] = (await m.query(RECORD_SQL, [
      delivery.id,
      delivery.claim,
      status,
      result.statusCode,
      error,
      retryInMs === null ? null : retryInMs / 1000,
      delivery.webhookId,
      settings.deliveriesKept - 1,
    ])) as Array<{ nextAttemptAt: Date | null }>;
    if (!row) return { nextAttemptAt: null, disabledReason: null };
    if (succeeded && !delivery.failing) return { nextAttemptAt: null, disabledReason: null };
    const [endpoint] = returningRows<{ disabledNow: boolean; disabledReason: string | null }>(
      await m.query(HEALTH_SQL, [
        delivery.webhookId,
        succeeded,
        gone,
        settings.disableAfterMs / 1000,
        spanOf(settings.disableAfterMs),
      ]),
    );
    return { nextAttemptAt: row.nextAttemptAt, disabledReason: endpoint?.disabledNow ? endpoint.disabledReason : null };
  };
  return succeeded && !delivery.failing ? record(db.manager) : inTransaction(db.manager, record);
}
