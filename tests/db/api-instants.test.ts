import { Client } from 'pg';
import { parseTimestamptz } from '../../src/db/timestamp-parser';
import { apiInstantSql } from '../../src/domain/instant';
import { TEST_ENV } from '../helpers/test-database';

/**
 * Lists are read as JSON that PostgreSQL builds, with timestamps written by apiInstantSql; the
 * rest of Broadsheet reads them as Dates through pg and serves Date#toISOString. Both must give
 * the same text for every instant Broadsheet can store, whatever the session's time zone.
 */
const STORED = [
  '2026-12-05 10:00:00+00',
  '2026-12-05 10:00:00.571+00',
  '2026-12-05 10:00:00.123456+00',
  '2026-12-05 10:00:00.999999+00',
  '2026-12-05 10:00:00.000001+00',
  '2024-02-29 23:59:59.9995+00',
  '0001-01-01 00:00:00+00',
  '9999-12-31 23:59:59.999999+00',
  '1970-01-01 00:00:00+00',
];

describe('instants PostgreSQL writes for the API', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env[TEST_ENV.adminUrl] });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])(
    'match Date#toISOString of the Date pg reads (session in %s)',
    async (zone) => {
      await client.query(`SET TimeZone = '${zone}'`);
      const { rows } = await client.query<{ stored: string; api: string; rows: Array<{ at: string }> }>(
        `SELECT v::text AS stored, ${apiInstantSql('v')} AS api,
              (SELECT json_agg(r) FROM (SELECT ${apiInstantSql('v')} AS at) r) AS rows
       FROM unnest($1::timestamptz[]) AS v`,
        [STORED],
      );
      await client.query(`SET TimeZone = 'UTC'`);
      const { rows: asUtc } = await client.query<{ stored: string }>(
        `SELECT v::text AS stored FROM unnest($1::timestamptz[]) AS v`,
        [STORED],
      );
      const expected = asUtc.map(({ stored }) => (parseTimestamptz(stored) as Date).toISOString());
      expect(rows.map((row) => row.api)).toEqual(expected);
      expect(rows.map((row) => row.rows[0].at)).toEqual(expected);
    },
  );
});
