import type { QueryRunner } from 'typeorm';
import type { Config } from '../config';
import { RequestTransaction } from '../db/request-transaction';

/**
 * The advisory-lock class (the first of two int4 keys, a space apart from the one-key locks of
 * slugs and the go-live sweep) of one client's count of kept answers.
 */
const CLIENT_LOCK = 0x6964636c; // "idcl"

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Who sends a key: `principal` owns it (a signed-in author's session, or an address), `client`
 * is what the hourly allowance counts (the author whatever the session, or the address).
 */
export interface KeyOwner {
  principal: string;
  client: string;
}

export type IdempotencyLimits = Pick<Config, 'idempotencyMaxAnswerBytes' | 'idempotencyKeysPerClientPerHour'>;

/** What became of a first request once its answer was known. */
export type Outcome =
  /** Its writes and its answer are committed, or it wrote nothing and nothing is kept: send the answer. */
  | { kind: 'answered'; kept: boolean }
  /** Undone, because of a failure of ours after it had written: nothing is written, nothing kept. */
  | { kind: 'failed' }
  /** Undone: its answer is larger than a key keeps. */
  | { kind: 'too-large'; bytes: number; limit: number }
  /** Undone: its client has had `limit` answers kept in the last hour; one drops out in `retryAfterSeconds`. */
  | { kind: 'over-limit'; limit: number; retryAfterSeconds: number };

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
    private readonly owner: KeyOwner,
    private readonly key: string,
    private readonly requestHash: string,
    private readonly limits: IdempotencyLimits,
  ) {
    this.transaction = { runner, wrote: false, open: true };
  }

  /**
   * Ends the request by its answer. A request that wrote nothing keeps nothing: a retry runs it
   * again and can write nothing twice (refusals, input errors, rate limits and sign-ins stay out
   * of the table). One that wrote is committed with its answer, unless the answer carries a
   * failure of ours, is larger than a key keeps, or its client is past its hourly allowance:
   * then it is undone, and the caller says why instead of sending the answer.
   */
  async finish(answer: StoredAnswer, failedOnOurSide: boolean): Promise<Outcome> {
    const { runner } = this.transaction;
    this.transaction.open = false;
    try {
      const outcome = await this.decide(answer, failedOnOurSide);
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

  private async decide(answer: StoredAnswer, failedOnOurSide: boolean): Promise<Outcome> {
    const { runner, wrote } = this.transaction;
    if (!wrote) return { kind: 'answered', kept: false };
    if (failedOnOurSide) return { kind: 'failed' };
    const { idempotencyMaxAnswerBytes: maxBytes, idempotencyKeysPerClientPerHour: perHour } = this.limits;
    const bytes = Buffer.byteLength(answer.body, 'utf8');
    if (maxBytes > 0 && bytes > maxBytes) return { kind: 'too-large', bytes, limit: maxBytes };
    if (perHour > 0) {
      // Counted under a lock per client, held to the commit: parallel requests count one by one.
      await runner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLIENT_LOCK, this.owner.client]);
      const [{ kept, freedIn }] = (await runner.query(
        `SELECT count(*)::int AS kept,
                ceil(extract(epoch FROM min(created_at) + interval '1 hour' - now()))::int AS "freedIn"
         FROM idempotency_keys WHERE client = $1 AND created_at > now() - interval '1 hour'`,
        [this.owner.client],
      )) as Array<{ kept: number; freedIn: number | null }>;
      if (kept >= perHour) {
        return { kind: 'over-limit', limit: perHour, retryAfterSeconds: Math.max(1, freedIn ?? 1) };
      }
    }
    // Over a row past its lifetime, or one left by a dead instance of an earlier release.
    await runner.query(
      `INSERT INTO idempotency_keys AS k (principal, key, client, request_hash, status, response_headers, response_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (principal, key) DO UPDATE SET client = EXCLUDED.client, request_hash = EXCLUDED.request_hash,
         status = EXCLUDED.status, response_headers = EXCLUDED.response_headers,
         response_body = EXCLUDED.response_body, created_at = now()`,
      [
        this.owner.principal,
        this.key,
        this.owner.client,
        this.requestHash,
        answer.status,
        JSON.stringify(answer.headers),
        answer.body,
      ],
    );
    return { kind: 'answered', kept: true };
  }
}
