import { WalPosition } from './wal-position';

/** A position the primary's log stood at, and the last check that found it there. */
interface Sample {
  position: WalPosition;
  lastSeenAt: number;
}

/**
 * How far behind a replica is, in milliseconds, measured by WAL positions: the primary's
 * position is read at every check, and a replica that has replayed the position the primary
 * stood at at time t has everything the primary had then, so it is at most `now - t` behind.
 * A replica of an idle primary, which has replayed everything there is, is 0 behind however old
 * the last commit is (the age of the last replayed commit would call it behind), and one whose
 * replay is paused falls further behind at every check while the primary writes
 * (pg_stat_replication.replay_lag keeps its last small value while replay is paused). The
 * figure is an upper bound, over the truth by at most one check interval: a replica counted
 * within REPLICA_MAX_LAG_MS surely is.
 */
export class PrimaryPositions {
  /** The positions the primary stood at, oldest first: one per change seen. */
  private samples: Sample[] = [];

  /** `keepMs`: how far back lag is told apart; more than the largest lag that matters. */
  constructor(private readonly keepMs: number) {}

  /** The primary's position as read at `at`. */
  record(at: number, position: WalPosition): void {
    const last = this.samples.at(-1);
    if (last && position === last.position) last.lastSeenAt = at;
    // A position behind the last one is another server (a restored or replaced primary): start over.
    else if (last && position < last.position) this.samples = [{ position, lastSeenAt: at }];
    else this.samples.push({ position, lastSeenAt: at });
    while (this.samples.length > 1 && this.samples[0].lastSeenAt < at - this.keepMs) this.samples.shift();
  }

  /**
   * Milliseconds `replayed` is behind at `now`, at most: 0 when it has what the primary last had;
   * Infinity when it is behind every position kept (how far is unknown, and more than the
   * window); undefined before the first sample.
   */
  lagMs(replayed: WalPosition, now: number): number | undefined {
    const last = this.samples.at(-1);
    if (!last) return undefined;
    if (replayed >= last.position) return 0;
    let had: Sample | undefined;
    for (const sample of this.samples) {
      if (sample.position > replayed) break;
      had = sample;
    }
    return had ? Math.max(0, now - had.lastSeenAt) : Infinity;
  }
}
