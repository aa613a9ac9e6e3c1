/** Anything that runs SQL: the pool (a DataSource), or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}
