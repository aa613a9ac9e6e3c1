import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/**
 * A transaction that one HTTP request runs in from start to answer, for a mutation sent with an
 * `Idempotency-Key` (src/idempotency/): the services' transactions join it as savepoints
 * (src/db/transaction.ts) and the readers read through it (src/db/prepared-reads.ts), so the
 * request's writes, the reads of its answer and the answer kept for a retry commit together or
 * not at all. A process killed in between leaves nothing: PostgreSQL rolls the transaction back.
 */
export interface RequestTransaction {
  readonly runner: QueryRunner;
  /** Set when a service's transaction committed its work here (its savepoint was released). */
  wrote: boolean;
  /** False once the request has committed or rolled back: nothing joins it after that. */
  open: boolean;
}

const current = new AsyncLocalStorage<RequestTransaction>();

/** Runs `work`, and everything it sets going, inside `transaction`. */
export function runInRequestTransaction<T>(transaction: RequestTransaction, work: () => T): T {
  return current.run(transaction, work);
}

/** The open request transaction of the code that is running, if any. */
export function openRequestTransaction(): RequestTransaction | undefined {
  const transaction = current.getStore();
  return transaction?.open ? transaction : undefined;
}
