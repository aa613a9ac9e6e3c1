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

/**
 * An instant as the read model carries it: a Date (what Broadsheet writes, and what TypeORM
 * reads), or the text PostgreSQL formatted for the API (`apiInstantSql`), which is exactly what
 * Date#toISOString writes, so a list read as JSON is served without a Date made per value.
 */
export type Instant = Date | string;

/** Milliseconds since the epoch of an instant in either form. */
export function instantTime(instant: Instant): number {
  return typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

/** The instant as a Date (a new one when it came as text). */
export function instantDate(instant: Instant): Date {
  return typeof instant === 'string' ? new Date(instant) : instant;
}

/** The instant as the API writes it (Date#toISOString); text from apiInstantSql is that already. */
export function instantText(instant: Instant): string {
  if (typeof instant !== 'string') return instant.toISOString();
  return isApiInstantText(instant) ? instant : new Date(instant).toISOString();
}

/**
 * SQL: a timestamptz as Date#toISOString writes it (`2026-12-05T09:30:00.123Z`). Within the
 * storable years (four digits) the two agree, and both cut microseconds to milliseconds, as the
 * pg driver's Date does.
 */
export function apiInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Whether `text` has the form apiInstantSql writes (a check of form, for text from our own SQL). */
function isApiInstantText(text: string): boolean {
  return text.length === 24 && text[10] === 'T' && text[19] === '.' && text[23] === 'Z';
}
