import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first answer to each mutation sent with an `Idempotency-Key`, per client, for 24 hours:
 * a retry with the same key and body gets it again instead of writing twice.
 */
export class IdempotencyKeys1764500000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        -- 'author:<id>' for a signed-in client, 'ip:<address>' for an anonymous one
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        -- null while the first request runs
        status integer,
        response_headers jsonb,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
