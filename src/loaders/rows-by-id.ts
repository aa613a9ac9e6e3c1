import DataLoader from 'dataloader';
import { queryJsonRows } from '../db/json-rows';
import { Queryable } from '../db/queryable';

/** Puts rows back in the order of `ids`, with null where a row is missing, as DataLoader needs. */
function inKeyOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Groups rows under `ids` by `keyOf`, keeping the rows' order within each group. */
export function groupedInKeyOrder<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/**
 * Rows of one table by id, whatever the viewer (the reader applies the policy): one
 * `= ANY($1)` query per batch, back in key order, null where a row is missing. Every by-id
 * loader is one of these; `json` reads the rows as JSON built by PostgreSQL (src/db/json-rows.ts).
 */
export function createRowsByIdLoader<T extends { id: string }>(
  db: Queryable,
  from: { table: string; alias: string; columns: string; json?: boolean },
): DataLoader<string, T | null> {
  const sql = `SELECT ${from.columns} FROM ${from.table} ${from.alias} WHERE ${from.alias}.id = ANY($1::uuid[])`;
  const rowsOf = async (ids: readonly string[]) =>
    from.json ? queryJsonRows<T>(db, sql, [ids]) : ((await db.query(sql, [ids])) as T[]);
  return new DataLoader(async (ids) => inKeyOrder(ids, await rowsOf(ids)));
}
