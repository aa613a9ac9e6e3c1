import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, Logger } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Queryable } from './queryable';
import { openRequestTransaction } from './request-transaction';

/** Distinct statements given a name; past this, a statement runs unnamed, as before. */
const MAX_NAMED_STATEMENTS = 500;

/** The pg pool under a TypeORM data source (its primary's). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/** Where a data source reports statements (the tests count them there), or undefined when it logs none. */
export function statementLoggerOf(dataSource: DataSource): Logger | undefined {
  return dataSource.options.logging ? dataSource.logger : undefined;
}

/**
 * Reads on `pool`, each distinct SQL text as a named (prepared) statement, so PostgreSQL parses
 * and plans it once per connection instead of on every request (planning was about 1 ms of a
 * feed request's PostgreSQL time). Each statement is reported to `logger` as TypeORM would.
 */
export function namedStatements(pool: Pool, logger: Logger | undefined): Queryable {
  const names = new Map<string, string>();
  function nameOf(sql: string): string | undefined {
    let name = names.get(sql);
    if (!name && names.size < MAX_NAMED_STATEMENTS) {
      name = `read_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      names.set(sql, name);
    }
    return name;
  }
  return {
    async query(sql: string, params: unknown[] = []): Promise<unknown> {
      logger?.logQuery(sql, params);
      const result = await pool.query({ name: nameOf(sql), text: sql, values: params });
      return result.rows;
    },
  };
}

/**
 * The readers' way to the primary's pool: named statements (namedStatements). TypeORM's
 * `query()` cannot name a statement, so this goes to its pg pool directly. Writes keep TypeORM's
 * transactions.
 *
 * In a request that runs in a transaction of its own (src/db/request-transaction.ts), reads go
 * through that transaction instead, unnamed: the answer shows what the request wrote before it
 * is committed, and the request needs no second connection.
 */
export function preparedReads(dataSource: DataSource): Queryable {
  const named = namedStatements(poolOf(dataSource), statementLoggerOf(dataSource));
  return {
    query(sql: string, params: unknown[] = []): Promise<unknown> {
      const request = openRequestTransaction();
      if (request && request.runner.connection === dataSource) return request.runner.query(sql, params);
      return named.query(sql, params);
    },
  };
}
