import { Queryable } from '../db/queryable';
import { tagged } from '../db/statement-tag';
import { scheduledNotYetLiveSql } from '../policy/post.policy';

const NEXT_GO_LIVE = tagged(
  'schedule-horizon',
  `SELECT (extract(epoch FROM min(p.published_at)) * 1000)::float8 AS at FROM posts p
   WHERE ${scheduledNotYetLiveSql('p')}`,
);

/**
 * When the next scheduled post goes live, in milliseconds since the epoch, or Infinity when none
 * is scheduled: whoever asks (not a per-request reader), since it bounds how long any answer
 * may be kept.
 */
export async function nextScheduledGoLive(db: Queryable): Promise<number> {
  const [row] = (await db.query(NEXT_GO_LIVE, [])) as Array<{ at: number | null }>;
  return row?.at ?? Infinity;
}
