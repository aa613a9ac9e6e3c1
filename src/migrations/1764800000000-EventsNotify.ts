import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the dispatcher when events commit (NOTIFY is delivered at commit, and repeated
 * notifications of one transaction fold into one), so live updates do not wait for its next poll.
 */
export class EventsNotify1764800000000 implements MigrationInterface {
  name = 'EventsNotify1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_events_committed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('broadsheet_events', ''); RETURN NULL; END $$`);
    await q.query(
      `CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_committed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER events_notify ON events`);
    await q.query(`DROP FUNCTION notify_events_committed()`);
  }
}
