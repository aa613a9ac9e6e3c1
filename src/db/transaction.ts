import { EntityManager } from 'typeorm';
import { databaseErrorOf } from './database-error';
import { openRequestTransaction } from './request-transaction';

/** PostgreSQL's answers that mean "this transaction lost a race; run it again". */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Attempts in all, the first included. */
const ATTEMPTS = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way services run a transaction: `work` runs in a transaction, and when PostgreSQL
 * picks it as a deadlock victim or a serialization failure, the whole of it runs again (at most
 * 4 times, after a short random pause, so two writers that collided do not collide again in
 * step). Everything `work` does must happen inside the transaction, which it does here: a rolled
 * back attempt leaves nothing behind.
 *
 * Inside a request that runs in a transaction of its own (a mutation with an Idempotency-Key,
 * src/db/request-transaction.ts), `work` runs in a savepoint of that transaction instead: it is
 * undone alone when it fails, and committed with the request's kept answer when it succeeds.
 */
export async function inTransaction<T>(db: EntityManager, work: (m: EntityManager) => Promise<T>): Promise<T> {
  // Only the pool's manager joins; a manager of a transaction (seeding) keeps its own.
  const request = db.queryRunner ? undefined : openRequestTransaction();
  const joined = request && request.runner.connection === db.connection ? request : undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await (joined ? joined.runner.manager : db).transaction(work);
      if (joined) joined.wrote = true;
      return result;
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(databaseErrorOf(error).code ?? '')) throw error;
      await pause(5 * attempt + Math.random() * 20 * attempt);
    }
  }
}
