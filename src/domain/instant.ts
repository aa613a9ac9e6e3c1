/**
 * The instants Broadsheet accepts and stores: years 1 to 9999 (UTC), where ISO-8601's four-digit
 * years, JavaScript's Date and PostgreSQL's timestamptz all agree. Year 0 is valid ISO but not
 * PostgreSQL, which has no year 0; outside that span the three part ways.
 */
const FIRST = Date.parse('0001-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

export const INSTANT_RANGE_TEXT = 'between 0001-01-01 and 9999-12-31 (UTC)';

export function isStorableInstant(date: Date): boolean {
  const time = date.getTime();
  return time >= FIRST && time <= LAST;
}
