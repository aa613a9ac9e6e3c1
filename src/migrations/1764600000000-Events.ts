import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: one row per change that readers or integrations care about,
 * written in the transaction that makes the change (a rolled-back change leaves none). `seq`
 * orders them; `tx_id` lets a reader of the outbox wait for transactions still in flight, whose
 * lower `seq` would otherwise commit after a higher one was read.
 */
export class Events1764600000000 implements MigrationInterface {
  name = 'Events1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        seq bigserial PRIMARY KEY,
        type text NOT NULL,
        post_id uuid,
        comment_id uuid,
        author_id uuid,
        cache_keys text[] NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()
      )`);
    await q.query(`CREATE INDEX events_post ON events (post_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events`);
  }
}
