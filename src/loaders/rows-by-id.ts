/** Puts rows back in the order of `ids`, with null where a row is missing, as DataLoader needs. */
export function inKeyOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Groups rows under `ids` by `keyOf`, keeping the rows' order within each group. */
export function groupedInKeyOrder<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
