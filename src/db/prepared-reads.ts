import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Queryable } from './queryable';
import { openRequestTransaction } from './request-transaction';

/** Distinct statements given a name; past this, a statement runs unnamed, as before. */
const MAX_NAMED_STATEMENTS = 500;

/**
 * The readers' way to the pool: each distinct SQL text runs as a named (prepared) statement, so
 * PostgreSQL parses and plans it once per connection instead of on every request (planning was
 * about 1 ms of a feed request's PostgreSQL time). TypeORM's `query()` cannot name a statement,
 * so this goes to its pg pool directly, and reports each statement to TypeORM's logger as
 * TypeORM would (the tests count statements there). Writes keep TypeORM's transactions.
 *
 * In a request that runs in a transaction of its own (src/db/request-transaction.ts), reads go
 * through that transaction instead, unnamed: the answer shows what the request wrote before it
 * is committed, and the request needs no second connection.
 */
export function preparedReads(dataSource: DataSource): Queryable {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const logger = dataSource.options.logging ? dataSource.logger : undefined;
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
      const request = openRequestTransaction();
      if (request && request.runner.connection === dataSource) return request.runner.query(sql, params);
      logger?.logQuery(sql, params);
      const result = await pool.query({ name: nameOf(sql), text: sql, values: params });
      return result.rows;
    },
  };
}
