import type { Pool } from 'pg';
import type { Logger as StatementLogger } from 'typeorm';
import { databaseErrorOf } from './database-error';
import { namedStatements } from './prepared-reads';
import { Queryable } from './queryable';
import { WalPosition } from './wal-position';

/**
 * One read replica (src/db/read-replicas.ts): its pool, the readers' named statements on it,
 * and what the last check found.
 */
export class Replica {
  readonly reads: Queryable;
  /** The last replay position read from it (only ever moves forward). */
  replayed: WalPosition | undefined;
  lagMs: number | undefined;
  /** Why it is down; undefined while it answers as a standby. */
  down: string | undefined = 'not checked yet';
  inUse = false;
  /**
   * A change it failed to replay in time (ReadReplicas.waitForReplay): it stays out of use until
   * it has, whatever its lag says (the lag is measured from flushes, which may come after).
   */
  mustReplay: WalPosition | undefined;

  constructor(
    readonly name: string,
    readonly pool: Pool,
    statementLogger: StatementLogger | undefined,
  ) {
    this.reads = namedStatements(pool, statementLogger);
  }

  /** Connections at work or awaited: the least busy replica gets the next request. */
  busy(): number {
    return this.pool.totalCount - this.pool.idleCount + this.pool.waitingCount;
  }

  noteReplayed(position: WalPosition): void {
    if (this.replayed === undefined || position > this.replayed) this.replayed = position;
    if (this.mustReplay !== undefined && this.replayed >= this.mustReplay) this.mustReplay = undefined;
  }
}

/**
 * Is this error the replica going away (a refused or broken connection, a shutdown, no answer in
 * time) rather than something about the statement? What the server says carries a severity:
 * of that, SQLSTATE classes 08 (connection) and 57P (shutting down, starting up) are going
 * away; everything pg says itself (a socket error, a timeout, a closed connection) is too.
 */
export function isConnectionLost(error: unknown): boolean {
  const facts = databaseErrorOf(error) as { code?: string; severity?: string };
  if (!facts.severity) return true;
  const code = facts.code ?? '';
  // 57P05: the server ended a connection idle longer than its idle_session_timeout; it is well.
  return code.startsWith('08') || (code.startsWith('57P') && code !== '57P05');
}
