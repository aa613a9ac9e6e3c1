import { EntityManager } from 'typeorm';

/**
 * Removes events older than `days` that every consumer has been handed, keeping the newest one
 * (feeds read the time of the last change from it). Nothing else needs old events: the go-live
 * sweep keeps what it announced on the posts. Returns how many were removed.
 */
export async function pruneEvents(db: EntityManager, days: number): Promise<number> {
  const removed = (await db.query(
    `WITH gone AS (
       DELETE FROM events
       WHERE occurred_at < now() - make_interval(days => $1)
         AND seq <= (SELECT coalesce(min(seq), 0) FROM event_positions)
         AND seq < (SELECT max(seq) FROM events)
       RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [days],
  )) as Array<{ n: number }>;
  return removed[0].n;
}
