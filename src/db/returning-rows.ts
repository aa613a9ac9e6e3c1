/**
 * The rows of an `UPDATE/DELETE ... RETURNING` run through TypeORM's `query()`, which answers
 * those commands with `[rows, rowCount]` instead of the rows that every other command gets.
 */
export function returningRows<T>(result: unknown): T[] {
  const raw = result as unknown[];
  return Array.isArray(raw[0]) && typeof raw[1] === 'number' ? (raw[0] as T[]) : (raw as T[]);
}
