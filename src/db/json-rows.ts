import { Queryable } from './queryable';

/**
 * The rows of `sql` as one JSON array that PostgreSQL builds (`json_agg`), which pg parses with
 * one JSON.parse: Node decodes no column one by one (protocol fields, row objects, a Date per
 * timestamp), which was most of a feed's per-row CPU. Select lists meant for this write
 * timestamps as the API's text (selectList's `apiInstants`).
 *
 * The array keeps `sql`'s ORDER BY: an aggregate over a sorted subquery takes its rows in that
 * order when the outer level adds no join or grouping of its own ("supplying the input values
 * from a sorted subquery will usually work ... can fail if the outer query level contains
 * additional processing, such as a join", PostgreSQL's manual, Aggregate Expressions), and this
 * outer level is only the aggregate.
 */
export async function queryJsonRows<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const [{ rows }] = (await db.query(`SELECT COALESCE(json_agg(r), '[]'::json) AS rows FROM (${sql}) r`, params)) as [
    { rows: T[] },
  ];
  return rows;
}
