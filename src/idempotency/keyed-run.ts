import type { QueryRunner } from 'typeorm';
import { RequestTransaction } from '../db/request-transaction';

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What became of a first request once its answer was known. */
export type Outcome =
  /** Its writes and its answer are committed, or it wrote nothing and nothing is kept: send the answer. */
  | { kind: 'answered'; kept: boolean }
  /** Undone, because of a failure of ours after it had written: nothing is written, nothing kept. */
  | { kind: 'failed' };

/**
 * The first request with a key, from the key's lookup to its answer, in one transaction that the
 * request's writes and reads join (src/db/request-transaction.ts). Its answer is kept in that
 * transaction, so a crash at any moment leaves either nothing (the retry runs) or the writes
 * with their answer (the retry gets it).
 */
export class KeyedRun {
  readonly transaction: RequestTransaction;

  constructor(
    runner: QueryRunner,
    private readonly principal: string,
    private readonly key: string,
    private readonly requestHash: string,
  ) {
    this.transaction = { runner, wrote: false, open: true };
  }

  /**
   * Ends the request by its answer. A failure of ours or a "slow down" is not kept, so a retry
   * is judged again; when the request had written, a failure of ours undoes it (the caller says
   * so instead of sending the answer), so that the retry cannot write twice. Anything else is
   * committed with the answer.
   */
  async finish(answer: StoredAnswer, failedOnOurSide: boolean, rateLimited: boolean): Promise<Outcome> {
    const { runner } = this.transaction;
    this.transaction.open = false;
    try {
      const outcome = await this.decide(answer, failedOnOurSide, rateLimited);
      if (outcome.kind === 'answered') await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcome;
    } catch (error) {
      // Nothing is committed: the retry runs again.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async decide(answer: StoredAnswer, failedOnOurSide: boolean, rateLimited: boolean): Promise<Outcome> {
    const { runner, wrote } = this.transaction;
    if (wrote && failedOnOurSide) return { kind: 'failed' };
    if (!wrote && (failedOnOurSide || rateLimited)) return { kind: 'answered', kept: false };
    // Over a row past its lifetime, or one left by a dead instance of an earlier release.
    await runner.query(
      `INSERT INTO idempotency_keys AS k (principal, key, request_hash, status, response_headers, response_body)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (principal, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
         status = EXCLUDED.status, response_headers = EXCLUDED.response_headers,
         response_body = EXCLUDED.response_body, created_at = now()`,
      [this.principal, this.key, this.requestHash, answer.status, JSON.stringify(answer.headers), answer.body],
    );
    return { kind: 'answered', kept: true };
  }
}
