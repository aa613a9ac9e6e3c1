import { Pool, QueryConfig } from 'pg';
import type { Logger as StatementLogger } from 'typeorm';
import { Queryable } from './queryable';
import { Replica, isConnectionLost } from './replica';
import { PrimaryPositions } from './replica-lag';
import { WalPosition, flushedWalPosition, parseWalPosition } from './wal-position';

export interface ReplicaSettings {
  /** DATABASE_REPLICA_URLS. */
  urls: string[];
  /** REPLICA_MAX_LAG_MS: a replica further behind is skipped until it catches up. */
  maxLagMs: number;
  /** REPLICA_CHECK_INTERVAL_MS: how often the primary's and each replica's positions are read. */
  checkIntervalMs: number;
  /** Connections per replica, as the primary's pool has. */
  poolSize: number;
}

/** What /readyz and /metrics say of one replica. */
export interface ReplicaStatus {
  /** host:port, never the credentials. */
  name: string;
  /** in use: reads go to it; lagging: further behind than REPLICA_MAX_LAG_MS; down: no answer, or no standby. */
  state: 'in use' | 'lagging' | 'down';
  /** How far behind at the last check, ms; null when down or how far is unknown. */
  lagMs: number | null;
}

interface ReplicaLog {
  info(message: string): void;
  warn(message: string): void;
}

/** How far back lag is told apart (at least): past it, a replica is reported as further behind than known. */
const LAG_SHOWN_MS = 60_000;

/** A connection attempt or a check that takes longer than this counts as the replica being down. */
const ANSWER_WITHIN_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A check's statement, given up after ANSWER_WITHIN_MS (pg honours a per-query `query_timeout`; its types know it per client only). */
async function ask<Row>(pool: Pool, text: string): Promise<Row[]> {
  const result = await pool.query({ text, query_timeout: ANSWER_WITHIN_MS } as QueryConfig);
  return result.rows as Row[];
}

/**
 * The read replicas of DATABASE_REPLICA_URLS and what is known of each: a check every
 * REPLICA_CHECK_INTERVAL_MS reads the primary's WAL position and each replica's replay position
 * (replica-lag.ts turns them into a lag); a replica is in use while it answers as a standby no
 * further behind than REPLICA_MAX_LAG_MS, and used again from the first check that finds it so.
 * A read that finds it gone takes it out of use at once (read-routing.ts runs that read on the
 * primary instead).
 */
export class ReadReplicas {
  readonly replicas: Replica[];
  private readonly positions: PrimaryPositions;
  private readonly primaryPositionOf: Queryable;
  private turn = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    primary: Pool,
    private readonly settings: ReplicaSettings,
    private readonly log: ReplicaLog,
    statementLogger?: StatementLogger,
  ) {
    this.primaryPositionOf = { query: async (sql) => (await primary.query(sql)).rows };
    // A minute at least, so /readyz and /metrics show a stuck replica's lag growing for that long
    // before "further behind than known"; at most one sample per check.
    this.positions = new PrimaryPositions(Math.max(LAG_SHOWN_MS, 4 * settings.maxLagMs) + settings.checkIntervalMs);
    this.replicas = settings.urls.map((url) => {
      const { hostname, port } = new URL(url);
      const pool = new Pool({
        connectionString: url,
        max: settings.poolSize,
        connectionTimeoutMillis: ANSWER_WITHIN_MS,
        application_name: 'broadsheet-replica-reads',
      });
      const replica = new Replica(`${hostname}:${port || '5432'}`, pool, statementLogger);
      // An idle connection the server ends (a shutdown) is reported here; unheard, it would crash the process.
      pool.on('error', (error) => this.failed(replica, error));
      return replica;
    });
  }

  /** Checks now, then every REPLICA_CHECK_INTERVAL_MS until closed. */
  start(): void {
    const loop = async () => {
      await this.check();
      if (!this.closed) this.timer = setTimeout(() => void loop(), this.settings.checkIntervalMs).unref();
    };
    void loop();
  }

  /** Reads the primary's position, then each replica's, and decides which are in use. */
  async check(): Promise<void> {
    let primaryAt: WalPosition;
    try {
      primaryAt = await flushedWalPosition(this.primaryPositionOf);
    } catch {
      return; // nothing to measure against while the primary does not answer: states stay as they were
    }
    this.positions.record(Date.now(), primaryAt);
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica)));
  }

  private async checkReplica(replica: Replica): Promise<void> {
    const was = this.describe(replica);
    try {
      const [{ standby, replayed }] = await ask<{ standby: boolean; replayed: string | null }>(
        replica.pool,
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed',
      );
      if (!standby || replayed === null) {
        // A promoted replica has a history of its own; reading it could show what the primary never had.
        replica.down = standby ? 'has replayed nothing yet' : 'is no standby (pg_is_in_recovery() is false)';
        replica.inUse = false;
      } else {
        replica.noteReplayed(parseWalPosition(replayed));
        replica.lagMs = this.positions.lagMs(replica.replayed!, Date.now());
        replica.down = undefined;
        replica.inUse =
          replica.lagMs !== undefined && replica.lagMs <= this.settings.maxLagMs && replica.mustReplay === undefined;
      }
    } catch (error) {
      replica.down = error instanceof Error ? error.message : String(error);
      replica.inUse = false;
    }
    const now = this.describe(replica);
    if (now !== was) (replica.inUse ? this.log.info : this.log.warn)(`read replica ${replica.name} ${now}`);
  }

  private describe(replica: Replica): string {
    if (replica.down) return `is skipped: down (${replica.down})`;
    if (!replica.inUse) return `is skipped: more than ${this.settings.maxLagMs} ms behind the primary`;
    return 'is in use';
  }

  /**
   * The replica for the reads of one request: in use, and (with `after`) one that has replayed
   * past that position; of those the least busy, ties taken in turn. None: read the primary.
   */
  choose(after?: WalPosition): Replica | undefined {
    const candidates = this.replicas.filter(
      (replica) =>
        replica.inUse && (after === undefined || (replica.replayed !== undefined && replica.replayed >= after)),
    );
    if (candidates.length === 0) return undefined;
    this.turn = (this.turn + 1) % candidates.length;
    let best: Replica | undefined;
    for (let i = 0; i < candidates.length; i += 1) {
      const replica = candidates[(this.turn + i) % candidates.length];
      if (!best || replica.busy() < best.busy()) best = replica;
    }
    return best;
  }

  /** Whether a replica in use has replayed `position` (as far as the checks know). */
  hasReplayed(position: WalPosition): boolean {
    return this.replicas.some(
      (replica) => replica.inUse && replica.replayed !== undefined && replica.replayed >= position,
    );
  }

  /** A read on `replica` failed: when the replica went away, it is out of use until a check finds it back. */
  failed(replica: Replica, error: unknown): void {
    if (!isConnectionLost(error) || replica.down) return;
    replica.down = error instanceof Error ? error.message : String(error);
    replica.inUse = false;
    this.log.warn(`read replica ${replica.name} is skipped: down (${replica.down})`);
  }

  private skip(replica: Replica, why: string): void {
    if (!replica.inUse) return;
    replica.inUse = false;
    this.log.warn(`read replica ${replica.name} is skipped: ${why}`);
  }

  /**
   * Resolves once every replica in use has replayed `position`, asking them directly (about
   * every 5 to 100 ms), or after REPLICA_MAX_LAG_MS: a replica further behind than that is
   * taken out of use by the checks. So what runs after it reads the change on any replica in use.
   */
  async waitForReplay(position: WalPosition): Promise<void> {
    const deadline = Date.now() + this.settings.maxLagMs;
    for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
      const behind = this.replicas.filter(
        (replica) => replica.inUse && (replica.replayed === undefined || replica.replayed < position),
      );
      if (behind.length === 0 || this.closed) return;
      if (Date.now() >= deadline) {
        // Further behind than REPLICA_MAX_LAG_MS: out of use now, not at the next check, so
        // nothing that runs after this reads there; the checks put it back once it catches up.
        for (const replica of behind) {
          replica.mustReplay = position;
          this.skip(replica, `has not replayed a change within ${this.settings.maxLagMs} ms`);
        }
        return;
      }
      await Promise.all(
        behind.map(async (replica) => {
          try {
            const [{ replayed }] = await ask<{ replayed: string }>(
              replica.pool,
              'SELECT pg_last_wal_replay_lsn()::text AS replayed',
            );
            replica.noteReplayed(parseWalPosition(replayed));
          } catch (error) {
            this.failed(replica, error);
          }
        }),
      );
      await sleep(pause);
    }
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => ({
      name: replica.name,
      state: replica.down ? 'down' : replica.inUse ? 'in use' : 'lagging',
      lagMs:
        replica.down || replica.lagMs === undefined || !Number.isFinite(replica.lagMs)
          ? null
          : Math.round(replica.lagMs),
    }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.pool.end()));
  }
}
