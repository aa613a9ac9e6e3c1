import { queryJsonRows } from '../db/json-rows';
import { limitLiteral } from '../db/limit-literal';
import { Queryable } from '../db/queryable';
import { Connection, toConnection } from './connection';
import { KeysetOrder, keysetCondition, sortKeySql } from './keyset-order';
import { DEFAULT_PAGE_SIZE } from './page-size';

/** The page a client asks for; the bounds (1..100) are checked on the GraphQL arguments. */
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
  /** The rows as JSON built by PostgreSQL (src/db/json-rows.ts): `select` writes instants as text. */
  json?: boolean;
}

/**
 * One page of a Relay connection by keyset: `WHERE (sort, id) < (cursor)` instead of OFFSET, so
 * rows published while a client pages neither shift nor repeat what it sees. One statement for
 * the page (it reads one row past it to know whether there is more); `totalCount` runs a count
 * only when asked.
 */
export async function keysetPage<TRow>(
  db: Queryable,
  query: KeysetQuery,
  page: PageRequest,
): Promise<Connection<TRow>> {
  const { order } = query;
  const backward = page.last != null || page.before != null;
  const size = (backward ? page.last : undefined) ?? page.first ?? DEFAULT_PAGE_SIZE;
  const params = [...query.params];
  const where = [...query.where];
  if (page.after != null) where.push(keysetCondition(order, page.after, 'after', params));
  if (page.before != null) where.push(keysetCondition(order, page.before, 'before', params));

  const direction = backward ? (order.direction === 'DESC' ? 'ASC' : 'DESC') : order.direction;
  const sql = `${query.select}, ${sortKeySql(order, query.json)} AS "sortKey" ${query.from}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order.column} ${direction}, ${order.idColumn} ${direction}
     LIMIT ${limitLiteral(size + 1)}`;
  type Row = TRow & { id: string; sortKey: unknown };
  const rows = query.json ? await queryJsonRows<Row>(db, sql, params) : ((await db.query(sql, params)) as Row[]);
  return toConnection<TRow>(order, {
    rows,
    size,
    backward,
    fromCursor: backward ? page.before != null : page.after != null,
    totalCount: async () => {
      const [{ count }] = (await db.query(
        `SELECT count(*)::int AS count ${query.from} ${query.where.length ? `WHERE ${query.where.join(' AND ')}` : ''}`,
        query.params,
      )) as Array<{ count: number }>;
      return count;
    },
  });
}
