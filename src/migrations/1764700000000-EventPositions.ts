import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far each consumer of the outbox has got: delivery resumes there after a restart. */
export class EventPositions1764700000000 implements MigrationInterface {
  name = 'EventPositions1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE event_positions (consumer text PRIMARY KEY, seq bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_positions`);
  }
}
