import { DataSource } from 'typeorm';
import { ConnectionValue } from '../schema/connection.types';
import { decodeCursor, encodeCursor } from '../schema/cursor';
import { BadUserInputError } from '../errors/api-errors';

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

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface KeysetQuery {
  /** `SELECT <columns>` without FROM; `sortKey` is added. */
  select: string;
  /** `FROM ...` with joins. */
  from: string;
  /** ANDed conditions, using `params` placeholders. */
  where: string[];
  params: unknown[];
  order: KeysetOrder;
}

const DEFAULT_PAGE_SIZE = 20;

function cursorValue(value: unknown): string | number {
  return value instanceof Date ? value.toISOString() : (value as string | number);
}

/** The edge of a row that was selected with its sort value as `sortKey`. */
export function edgeOf<TRow extends { id: string }>(order: KeysetOrder, row: TRow & { sortKey: unknown }): { cursor: string; node: TRow } {
  return { cursor: encodeCursor(order.name, { value: cursorValue(row.sortKey), id: row.id }), node: row };
}

/**
 * SQL for "after `cursor`" (`side: 'after'`) or "before it" in the list's order; pushes the
 * cursor's values to `params`. A cursor of another list, or a forged one, is BAD_USER_INPUT.
 */
export function keysetCondition(order: KeysetOrder, cursor: string, side: 'after' | 'before', params: unknown[]): string {
  const position = decodeCursor(order.name, cursor, side);
  params.push(castCursorValue(order, position.value, side), position.id);
  const comparison = (side === 'after') === (order.direction === 'DESC') ? '<' : '>';
  return `(${order.column}, ${order.idColumn}) ${comparison} ($${params.length - 1}::${order.type}, $${params.length}::uuid)`;
}

/** Exactly what Date#toISOString writes, which is all our cursors carry (PostgreSQL refuses much that Date.parse takes). */
function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && new Date(value).toISOString() === value;
}

function castCursorValue(order: KeysetOrder, value: string | number | null, field: string): string | number {
  const valid =
    order.type === 'float8' ? typeof value === 'number' :
    order.type === 'timestamptz' ? typeof value === 'string' && isIsoInstant(value) :
    typeof value === 'string';
  if (!valid) throw new BadUserInputError('That cursor is not valid for this list.', field);
  return value as string | number;
}

/**
 * One page of a Relay connection by keyset: `WHERE (sort, id) < (cursor)` instead of OFFSET, so
 * rows published while a client pages neither shift nor repeat what it sees. One statement for
 * the page (it reads one row past it to know whether there is more); `totalCount` runs a count
 * only when asked.
 */
export async function keysetPage<TRow extends object>(
  db: DataSource,
  query: KeysetQuery,
  page: PageRequest,
): Promise<ConnectionValue<TRow>> {
  const { order } = query;
  const backward = page.last != null || page.before != null;
  const size = (backward ? page.last : undefined) ?? page.first ?? DEFAULT_PAGE_SIZE;
  const params = [...query.params];
  const where = [...query.where];
  if (page.after != null) where.push(keysetCondition(order, page.after, 'after', params));
  if (page.before != null) where.push(keysetCondition(order, page.before, 'before', params));

  const direction = backward ? (order.direction === 'DESC' ? 'ASC' : 'DESC') : order.direction;
  params.push(size + 1);
  const rows: Array<TRow & { sortKey: unknown; id: string }> = await db.query(
    `${query.select}, ${order.column} AS "sortKey" ${query.from}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order.column} ${direction}, ${order.idColumn} ${direction}
     LIMIT $${params.length}`,
    params,
  );
  const hasMore = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backward) pageRows.reverse();

  const edges = pageRows.map((row) => edgeOf<TRow & { id: string }>(order, row));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: backward ? page.before != null : hasMore,
      hasPreviousPage: backward ? hasMore : page.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: async () => {
      const [{ count }]: Array<{ count: number }> = await db.query(
        `SELECT count(*)::int AS count ${query.from} ${query.where.length ? `WHERE ${query.where.join(' AND ')}` : ''}`,
        query.params,
      );
      return count;
    },
  };
}
