import { consumersBehind, pruneEvents } from '../../src/events/retention';
import { TestServer, startTestServer } from '../helpers/test-server';

/** Old events go once every consumer has had them; the newest stays (feeds read its time). */
describe('events retention', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  const record = (type: string, daysAgo: number) =>
    api.db.query(
      `INSERT INTO events (type, cache_keys, occurred_at) VALUES ($1, '{}', now() - make_interval(days => $2)) RETURNING seq::text`,
      [type, daysAgo],
    ) as Promise<Array<{ seq: string }>>;
  const left = async () =>
    (
      (await api.db.query(`SELECT type FROM events WHERE type LIKE 'test.%' ORDER BY seq`)) as Array<{ type: string }>
    ).map((row) => row.type);

  it('removes events older than the retention that every consumer has passed, and never the newest', async () => {
    await api.db.query(`DELETE FROM events`);
    await api.db.query(`DELETE FROM event_positions`);
    const [handed] = await record('test.old-handed', 10);
    await record('test.old-not-handed', 9);
    await record('test.recent', 1);
    // One consumer is past the first event only, another past everything.
    await api.db.query(`INSERT INTO event_positions (consumer, seq) VALUES ('slow', $1), ('fast', $1::bigint + 10)`, [
      handed.seq,
    ]);
    expect(await pruneEvents(api.db.manager, 7)).toBe(1);
    expect(await left()).toEqual(['test.old-not-handed', 'test.recent']);
    // The one holding them back is named, for the log.
    expect(await consumersBehind(api.db.manager, 7)).toEqual(['slow']);

    await api.db.query(`UPDATE event_positions SET seq = seq + 10`);
    await api.db.query(`UPDATE events SET occurred_at = now() - interval '30 days'`);
    expect(await pruneEvents(api.db.manager, 7)).toBe(1);
    expect(await left()).toEqual(['test.recent']);
  });
});
