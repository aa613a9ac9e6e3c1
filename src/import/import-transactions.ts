import { EntityManager, QueryRunner } from 'typeorm';
import { databaseErrorOf } from '../db/database-error';
import { ApiError } from '../errors/api-errors';

/** PostgreSQL's "this transaction lost a race; run it again" (as src/db/transaction.ts). */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

/**
 * Whether a failure belongs to what was being written (a value PostgreSQL refused, a slug taken
 * meanwhile, a lost race run out of retries): the item is reported and the import goes on.
 * Anything else (the database gone, a bug) stops the import.
 */
export function isItemFailure(error: unknown): boolean {
  if (error instanceof ApiError) return true;
  const code = databaseErrorOf(error).code ?? '';
  return /^(22|23|40)/.test(code);
}

/**
 * The import's transactions, all on one connection: each batch commits on its own, or, in a
 * dry run, is a savepoint of one transaction that is rolled back at the end, so a dry run reads
 * what its earlier batches wrote (slugs taken, authors made, a comment's post) and leaves
 * nothing. A batch that loses a race (deadlock, serialization) runs again.
 */
export class ImportTransactions {
  constructor(
    private readonly runner: QueryRunner,
    readonly dryRun: boolean,
    /** The pool's manager. */
    private readonly pool: EntityManager,
  ) {}

  /**
   * Where reads before a batch go: in a real run, another connection of the pool, so the next
   * batch is read while this one writes (never a statement inside its transaction, which may be
   * failing); in a dry run, the one transaction, which alone holds what earlier batches wrote.
   */
  get reader(): EntityManager {
    return this.dryRun ? this.runner.manager : this.pool;
  }

  async begin(): Promise<void> {
    if (this.dryRun) await this.runner.startTransaction();
  }

  /** Rolls a dry run back; a real run has committed batch by batch. */
  async end(): Promise<void> {
    if (this.dryRun && this.runner.isTransactionActive) await this.runner.rollbackTransaction();
  }

  /** Runs `work` as one batch: committed (a savepoint released in a dry run), or undone whole. */
  async batch<T>(work: (m: EntityManager) => Promise<T>, undone: () => void): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await this.runner.startTransaction();
      try {
        const result = await work(this.runner.manager);
        await this.runner.commitTransaction();
        return result;
      } catch (error) {
        await this.runner.rollbackTransaction();
        undone();
        if (attempt >= ATTEMPTS || !RETRYABLE.has(databaseErrorOf(error).code ?? '')) throw error;
      } finally {
        // The cache keys recordEvents notes on the connection: taken at commit by a server's
        // watcher when there is one (tests), and never kept here across batches.
        this.runner.data = {};
      }
    }
  }
}
