import { types } from 'pg';

/** pg's `timestamptz` type (OID 1184). */
const TIMESTAMPTZ = 1184;

/** pg's own parser (postgres-date): every form PostgreSQL can send, through three regular expressions. */
const parseAnyForm = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date | number | null;

const digitAt = (text: string, at: number) => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number) => digitAt(text, at) * 10 + digitAt(text, at + 1);

/** Whether `text[from, to)` holds only the digits 0-9. */
function digitsOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const digit = digitAt(text, i);
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

/**
 * A `timestamptz` as PostgreSQL sends it in UTC with four-digit years, the form of every one
 * Broadsheet reads (`2026-12-04 23:37:19.277123+00`), read by position; anything else (another
 * zone, BC, infinity, a fifth year digit) by pg's parser. The same Date as pg's parser gives,
 * milliseconds computed as it computes them (1000 * parseFloat of the fraction, then cut by
 * Date.UTC): its regular expressions were 4 to 7% of a busy feed's CPU.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const { length } = text;
  const fraction = length > 22 && text[19] === '.';
  if (
    !(length === 22 || (fraction && length >= 24 && length <= 29)) ||
    text[length - 3] !== '+' ||
    text[length - 2] !== '0' ||
    text[length - 1] !== '0' ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== ' ' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    !digitsOnly(text, 0, 4) ||
    !digitsOnly(text, 5, 7) ||
    !digitsOnly(text, 8, 10) ||
    !digitsOnly(text, 11, 13) ||
    !digitsOnly(text, 14, 16) ||
    !digitsOnly(text, 17, 19) ||
    (fraction && !digitsOnly(text, 20, length - 3)) ||
    digitAt(text, 0) === 0
  ) {
    return parseAnyForm(text);
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const ms = fraction ? 1000 * parseFloat(text.slice(19, length - 3)) : 0;
  return new Date(
    Date.UTC(
      year,
      twoDigits(text, 5) - 1,
      twoDigits(text, 8),
      twoDigits(text, 11),
      twoDigits(text, 14),
      twoDigits(text, 17),
      ms,
    ),
  );
}

/** Makes pg read `timestamptz` columns with parseTimestamptz, for every pool of this process. */
export function useFastTimestampParser(): void {
  types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
}
