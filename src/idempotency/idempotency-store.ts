import type { DataSource } from 'typeorm';
import { IdempotencyLimits, KeyOwner, KeyedRun, StoredAnswer } from './keyed-run';

/** How long a key holds its first answer. */
const KEY_LIFETIME = '24 hours';
/**
 * A key that an instance of an earlier release claimed in a transaction of its own and has not
 * answered in this long is taken for dead. This release never leaves a key unanswered: its
 * claim and its answer commit together.
 */
const ABANDONED_AFTER = '2 minutes';
/**
 * The advisory-lock class (the first of two int4 keys, a space apart from the one-key locks of
 * slugs and the go-live sweep) of a key being answered.
 */
const KEY_LOCK = 0x69646b79; // "idky"
/**
 * How long the request's transaction may sit idle between statements before PostgreSQL ends it:
 * a request of ours that never answered would otherwise hold its locks for ever.
 */
const IDLE_LIMIT = '1min';

export type Claim =
  | { kind: 'claimed'; run: KeyedRun }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in-progress' }
  | { kind: 'different-request' };

interface FirstRequest {
  requestHash: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  /** Claimed by an instance of an earlier release that may still be running it. */
  running: boolean;
}

/** Keys and the answers they keep, in PostgreSQL so that every instance sees them. */
export class IdempotencyStore {
  constructor(
    private readonly db: DataSource,
    private readonly limits: IdempotencyLimits,
  ) {}

  /**
   * Claims `key` for this request, or says what the first request with it left: its answer,
   * that it is still running (it holds the key's lock), or that it had another body. A claim
   * opens the transaction the request runs in (`run.transaction`) and holds the key's lock until
   * `run.finish` ends it.
   */
  async claim(owner: KeyOwner, key: string, requestHash: string): Promise<Claim> {
    const runner = this.db.createQueryRunner();
    let claimed = false;
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = '${IDLE_LIMIT}'`);
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [
        KEY_LOCK,
        `${owner.principal} ${key}`,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return { kind: 'in-progress' };
      const [first] = (await runner.query(
        `SELECT request_hash AS "requestHash", status, response_headers AS headers, response_body AS body,
                status IS NULL AND created_at > now() - interval '${ABANDONED_AFTER}' AS running
         FROM idempotency_keys
         WHERE principal = $1 AND key = $2 AND created_at > now() - interval '${KEY_LIFETIME}'`,
        [owner.principal, key],
      )) as FirstRequest[];
      if (first && (first.status !== null || first.running)) {
        if (first.requestHash !== requestHash) return { kind: 'different-request' };
        if (first.status === null) return { kind: 'in-progress' };
        return {
          kind: 'replay',
          answer: { status: first.status, headers: first.headers ?? {}, body: first.body ?? '' },
        };
      }
      claimed = true;
      return { kind: 'claimed', run: new KeyedRun(runner, owner, key, requestHash, this.limits) };
    } finally {
      if (!claimed) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
  }

  /** Drops keys past their lifetime. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_LIFETIME}'`);
  }
}
