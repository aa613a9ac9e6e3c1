import { apiInstantSql, isStorableInstant } from '../domain/instant';
import { BadUserInputError } from '../errors/api-errors';
import { decodeCursor } from './cursor';

/** How a list is ordered: by `column`, then by `idColumn` to break ties, both in `direction`. */
export interface KeysetOrder {
  /** Tags the cursor, so a cursor of one list is refused by a list with another order. */
  name: string;
  column: string;
  /** SQL type the cursor value is cast to. */
  type: 'timestamptz' | 'float8' | 'text';
  direction: 'ASC' | 'DESC';
  idColumn: string;
}

/**
 * Exactly what Date#toISOString writes of an instant we store, which is all our cursors carry
 * (PostgreSQL refuses much that Date.parse takes, year 0 among them).
 */
function isIsoInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  const date = new Date(value);
  return isStorableInstant(date) && date.toISOString() === value;
}

function castCursorValue(order: KeysetOrder, value: string | number | null, field: string): string | number {
  const valid =
    order.type === 'float8'
      ? typeof value === 'number'
      : order.type === 'timestamptz'
        ? typeof value === 'string' && isIsoInstant(value)
        : typeof value === 'string' && !value.includes('\u0000');
  if (!valid) throw new BadUserInputError('That cursor is not valid for this list.', field);
  return value as string | number;
}

/**
 * SQL of a row's sort value as its cursor carries it; in a JSON row a timestamp is the API's text,
 * the same text cursors hold (a Date's toISOString).
 */
export function sortKeySql(order: KeysetOrder, json = false): string {
  return json && order.type === 'timestamptz' ? apiInstantSql(order.column) : order.column;
}

/**
 * SQL for "after `cursor`" (`side: 'after'`) or "before it" in the list's order; pushes the
 * cursor's values to `params`. A cursor of another list, or a forged one, is BAD_USER_INPUT.
 */
export function keysetCondition(
  order: KeysetOrder,
  cursor: string,
  side: 'after' | 'before',
  params: unknown[],
): string {
  const position = decodeCursor(order.name, cursor, side);
  params.push(castCursorValue(order, position.value, side), position.id);
  const comparison = (side === 'after') === (order.direction === 'DESC') ? '<' : '>';
  return `(${order.column}, ${order.idColumn}) ${comparison} ($${params.length - 1}::${order.type}, $${params.length}::uuid)`;
}
