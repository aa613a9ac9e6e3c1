/**
 * Dates as the exports write them, read strictly: a date that is not one (2019-02-30, 25:00)
 * makes its entry malformed instead of sliding into another day the way `new Date` lets it.
 */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const WORDPRESS_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** An Atom date (RFC 3339: 2012-03-04T10:20:00.000-08:00, 2019-11-09T19:43:00.001Z), or null. */
export function parseAtomDate(text: string): Date | null {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match || !validParts(match.slice(1, 7))) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A WXR date (`2010-10-16 20:53:18`), read as UTC: right for the *_gmt fields; the local
 * `wp:post_date` has no zone in the file, so where it is all there is (a draft's post_date_gmt is
 * zeros) it is read as UTC too. Null when unreadable.
 */
export function parseWordPressDate(text: string): Date | null {
  const match = WORDPRESS_DATE.exec(text.trim());
  if (!match || !validParts(match.slice(1, 7))) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** WordPress writes `0000-00-00 00:00:00` (or nothing) where a post has no such date yet. */
export function isUnsetWordPressDate(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '0000-00-00 00:00:00';
}

function validParts(parts: (string | undefined)[]): boolean {
  const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60
  );
}
