import DataLoader from 'dataloader';
import { queryJsonRows } from '../db/json-rows';
import { limitLiteral } from '../db/limit-literal';
import { Queryable } from '../db/queryable';
import { Connection, toConnection } from '../pagination/connection';
import { KeysetOrder, keysetCondition, sortKeySql } from '../pagination/keyset-order';

/** One parent's page: `first` rows after the `after` cursor. */
export interface ChildPageKey {
  parentId: string;
  first: number;
  after: string | null;
}

export interface WindowedPageSpec {
  order: KeysetOrder;
  /** `SELECT <columns>` of the child rows. */
  select: string;
  /** `FROM <table> <alias>`. */
  from: string;
  /** The child's column that names its parent, e.g. `p.author_id`. */
  parentColumn: string;
  /** Conditions every child row meets (visibility, status); they also bound `totalCount`. */
  where: string[];
  /** The rows as JSON built by PostgreSQL (src/db/json-rows.ts): `select` writes instants as text. */
  json?: boolean;
}

/**
 * Pages of children for many parents at once (Author.posts, Post.comments): parents asked with
 * the same page arguments share one statement (a LATERAL ... LIMIT per parent, so no parent's
 * children are read past its page), so a list of 40 parents costs one statement, plus one for
 * counts when a client asks for them.
 */
export function createWindowedPageLoader<TRow extends { id: string }>(db: Queryable, spec: WindowedPageSpec) {
  // totalCount, asked for lazily: children per parent under the same conditions.
  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows = (await db.query(
      `SELECT ${spec.parentColumn} AS "parentId", count(*)::int AS count ${spec.from}
       WHERE ${[`${spec.parentColumn} = ANY($1::uuid[])`, ...spec.where].join(' AND ')} GROUP BY ${spec.parentColumn}`,
      [parentIds],
    )) as Array<{ parentId: string; count: number }>;
    const byParent = new Map(rows.map((row) => [row.parentId, row.count]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });

  const pageOf = (key: ChildPageKey, rows: Array<TRow & { sortKey: unknown }>) =>
    toConnection<TRow>(spec.order, {
      rows,
      size: key.first,
      backward: false,
      fromCursor: key.after !== null,
      totalCount: () => counts.load(key.parentId),
    });

  async function loadGroup(group: ChildPageKey[]): Promise<Map<ChildPageKey, Connection<TRow>>> {
    const { first, after } = group[0];
    const params: unknown[] = [group.map((key) => key.parentId)];
    const afterCursor = after ? [keysetCondition(spec.order, after, 'after', params)] : [];
    // Each parent's page is an index range read up to its limit, whatever the parent holds.
    // By parent, then in each page's own order, kept as a rank: a JSON row's sort key is text cut
    // to milliseconds, which could tie where the timestamps do not.
    const page = childPageSql(spec, 'parent.id', first, {
      columns: [`parent.id AS "parentId"`, `row_number() OVER (ORDER BY ${orderSql(spec.order)}) AS "rankInPage"`],
      where: afterCursor,
    });
    const sql = `SELECT page.* FROM unnest($1::uuid[]) WITH ORDINALITY AS parent(id, n)
       CROSS JOIN LATERAL (${page}) page
       ORDER BY parent.n, page."rankInPage"`;
    type Row = TRow & { sortKey: unknown; parentId: string };
    const rows = spec.json ? await queryJsonRows<Row>(db, sql, params) : ((await db.query(sql, params)) as Row[]);
    const byParent = new Map<string, typeof rows>(group.map((key) => [key.parentId, []]));
    for (const row of rows) byParent.get(row.parentId)?.push(row);
    return new Map(
      group.map((key) => {
        return [key, pageOf(key, byParent.get(key.parentId) ?? [])];
      }),
    );
  }

  const loader = new DataLoader<ChildPageKey, Connection<TRow>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey[]>();
      for (const key of keys) {
        const group = `${key.first}|${key.after ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<ChildPageKey, Connection<TRow>>();
      // A bad cursor fails only the keys that carry it.
      const results = await Promise.allSettled([...groups.values()].map(loadGroup));
      const failures = new Map<ChildPageKey, Error>();
      [...groups.values()].forEach((group, i) => {
        const result = results[i];
        if (result.status === 'fulfilled') result.value.forEach((page, key) => pages.set(key, page));
        else group.forEach((key) => failures.set(key, result.reason as Error));
      });
      return keys.map((key) => pages.get(key) ?? failures.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${key.first}|${key.after ?? ''}` },
  );
  return Object.assign(loader, {
    /**
     * Puts a parent's first page of `first`, read with the parent (`firstPageSql`), into the
     * loader: the page the loader would have read, so the parent's list costs no statement.
     */
    primeFirstPage(parentId: string, first: number, rows: Array<TRow & { sortKey: unknown }>): void {
      const key = { parentId, first, after: null };
      loader.prime(key, pageOf(key, rows));
    },
  });
}

/**
 * SQL: the first page of `first` children of the parent aliased `parentAlias`, as a JSON array
 * of the rows the loader reads (or null when there are none), for `primeFirstPage`: a list of
 * parents that knows its clients ask for their children reads them in its own statement.
 * `withColumns` adds what each child carries for its own loaders (a comment's replies).
 */
export function firstPageSql(spec: WindowedPageSpec, parentAlias: string, first: number, withColumns = ''): string {
  if (!spec.json || !Number.isSafeInteger(first) || first < 1)
    throw new Error('firstPageSql: a JSON spec and a page size');
  const page = childPageSql(spec, `${parentAlias}.id`, first, { columns: withColumns ? [withColumns] : [], where: [] });
  return `(SELECT json_agg(page) FROM (${page}) page)`;
}

/** `column direction, idColumn direction`: a page's order. */
function orderSql({ column, idColumn, direction }: KeysetOrder): string {
  return `${column} ${direction}, ${idColumn} ${direction}`;
}

/**
 * The page of one parent (`parentId`, an SQL expression): its first `first` children, and one
 * more that says there are more, with their sort keys and `extra` columns and conditions. The
 * loader's statement and a parent list's read-ahead (firstPageSql) both read this page, so what
 * is primed is what the loader would have read.
 */
function childPageSql(
  spec: WindowedPageSpec,
  parentId: string,
  first: number,
  extra: { columns: string[]; where: string[] },
): string {
  const columns = [`${sortKeySql(spec.order, spec.json)} AS "sortKey"`, ...extra.columns];
  const where = [`${spec.parentColumn} = ${parentId}`, ...spec.where, ...extra.where];
  return `${spec.select}, ${columns.join(', ')}
         ${spec.from} WHERE ${where.join(' AND ')}
         ORDER BY ${orderSql(spec.order)}
         LIMIT ${limitLiteral(first + 1)}`;
}
