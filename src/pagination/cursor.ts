import { UUID } from '../domain/uuid';
import { BadUserInputError } from '../errors/api-errors';

/** A keyset position: the sort value of the row and its id, which breaks ties. */
export interface KeysetPosition {
  /** An ISO timestamp, a number or a string, whatever the list sorts by. */
  value: string | number | null;
  id: string;
}

/** Cursors are opaque to clients: base64url of a small JSON array, tagged with the list's sort. */
export function encodeCursor(sort: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([sort, position.value, position.id])).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same sort; anything else is BAD_USER_INPUT. */
export function decodeCursor(sort: string, cursor: string, field: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    (!['string', 'number'].includes(typeof parsed[1]) && parsed[1] !== null) ||
    typeof parsed[2] !== 'string' ||
    !UUID.test(parsed[2])
  ) {
    throw new BadUserInputError(`"${cursor}" is not a valid cursor for this list.`, field);
  }
  return { value: parsed[1] as string | number | null, id: parsed[2] as string };
}
