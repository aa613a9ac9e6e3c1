import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints and their deliveries (src/webhooks). A delivery is one event for one
 * endpoint: it keeps the body it sends (built once, so every retry sends the same bytes), its
 * attempts, and while PENDING when it is tried next. `locked_until` and `claim` are the lease of
 * the instance sending it: claimed rows are skipped by others until the lease ends, so an
 * attempt is made once, and a crashed instance's claims are tried again after it.
 */
export class Webhooks1765100000000 implements MigrationInterface {
  name = 'Webhooks1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        secret text NOT NULL,
        -- For 24 hours after a rotation deliveries are signed with this one too.
        previous_secret text,
        previous_secret_until timestamptz,
        -- The first failure since the last success: disabling counts from it.
        failing_since timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        message_id text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        -- false: one attempt and no retries (redeliverWebhook, testWebhook).
        retries boolean NOT NULL DEFAULT true,
        last_status_code integer,
        last_error text CHECK (length(last_error) <= 500),
        next_attempt_at timestamptz,
        locked_until timestamptz,
        claim uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        -- One delivery per event and endpoint, even when the dispatcher hands an event twice.
        UNIQUE (webhook_id, message_id),
        CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
      )`);
    // What is due, per endpoint, in order: the claim reads each endpoint's first few.
    await q.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (webhook_id, next_attempt_at, id) WHERE status = 'PENDING'`,
    );
    // Webhook.deliveries, newest first, and the removal of finished ones past WEBHOOK_DELIVERIES_KEPT.
    await q.query(`CREATE INDEX webhook_deliveries_page ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
