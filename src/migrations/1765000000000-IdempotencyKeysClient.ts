import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys name their client (the author whatever the session, or the address), so the
 * answers kept for one client in the last hour can be counted (IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR).
 * Rows kept before that hold what no retry needs and some hold what must not be kept: answers
 * refused before anything ran (4xx, input echoes included) and sign-in tokens (a login reached
 * through a fragment). They go.
 */
export class IdempotencyKeysClient1765000000000 implements MigrationInterface {
  name = 'IdempotencyKeysClient1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN client text`);
    await q.query(`CREATE INDEX idempotency_keys_client ON idempotency_keys (client, created_at)`);
    // A JWT is two base64url JSON objects, each starting "eyJ" ('{"'), joined by a dot.
    await q.query(
      `DELETE FROM idempotency_keys WHERE status >= 400 OR response_body ~ 'eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_client`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN client`);
  }
}
