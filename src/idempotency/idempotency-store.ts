import { Queryable } from '../db/queryable';

/** How long a key holds its first answer. */
const KEY_LIFETIME = '24 hours';
/** A first request that has not finished in this long is taken for dead (its server stopped): a retry may run. */
const ABANDONED_AFTER = '2 minutes';

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in-progress' }
  | { kind: 'different-request' };

/** Keys and their first answers, in PostgreSQL so that every instance sees them. */
export class IdempotencyStore {
  constructor(private readonly db: Queryable) {}

  /**
   * Claims `key` for this request, or says what the first request with it left: its answer,
   * that it is still running, or that it had another body. A key past its lifetime, or left by
   * a request that never finished, is claimed afresh.
   */
  async claim(principal: string, key: string, requestHash: string): Promise<Claim> {
    const [claimed] = (await this.db.query(
      `INSERT INTO idempotency_keys AS k (principal, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (principal, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL,
         response_headers = NULL, response_body = NULL, created_at = now()
       WHERE k.created_at < now() - interval '${KEY_LIFETIME}'
          OR (k.status IS NULL AND k.created_at < now() - interval '${ABANDONED_AFTER}')
       RETURNING 1 AS claimed`,
      [principal, key, requestHash],
    )) as unknown[];
    if (claimed) return { kind: 'claimed' };
    const [first] = (await this.db.query(
      `SELECT request_hash AS "requestHash", status, response_headers AS headers, response_body AS body
       FROM idempotency_keys WHERE principal = $1 AND key = $2`,
      [principal, key],
    )) as Array<{
      requestHash: string;
      status: number | null;
      headers: Record<string, string> | null;
      body: string | null;
    }>;
    if (!first) return this.claim(principal, key, requestHash); // expired and removed meanwhile
    if (first.requestHash !== requestHash) return { kind: 'different-request' };
    if (first.status === null) return { kind: 'in-progress' };
    return { kind: 'replay', answer: { status: first.status, headers: first.headers ?? {}, body: first.body ?? '' } };
  }

  async complete(principal: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status = $3, response_headers = $4, response_body = $5
       WHERE principal = $1 AND key = $2`,
      [principal, key, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** Frees the key: the first request failed on our side, so a retry should really run. */
  async release(principal: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL', [
      principal,
      key,
    ]);
  }

  /** Drops keys past their lifetime. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_LIFETIME}'`);
  }
}
