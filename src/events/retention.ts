import { EntityManager } from 'typeorm';

/** Events removed per statement: short transactions, so the dispatcher's snapshot is not held back long. */
const BATCH = 5000;

/**
 * Removes events older than `days` that every consumer has been handed, keeping the newest one
 * (feeds read the time of the last change from it), a batch per statement. Nothing else needs old
 * events: the go-live sweep keeps what it announced on the posts. Returns how many were removed.
 */
export async function pruneEvents(db: EntityManager, days: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const [{ n }] = (await db.query(
      `WITH gone AS (
         DELETE FROM events WHERE seq IN (
           SELECT seq FROM events
           WHERE occurred_at < now() - make_interval(days => $1)
             AND seq <= (SELECT coalesce(min(seq), 0) FROM event_positions)
             AND seq < (SELECT max(seq) FROM events)
           ORDER BY seq LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [days, BATCH],
    )) as Array<{ n: number }>;
    removed += n;
    if (n < BATCH) return removed;
  }
}

/**
 * Consumers whose next event is older than the retention: gone (a consumer no longer run keeps
 * its position) or stuck. Either way they keep every later event from being removed.
 */
export async function consumersBehind(db: EntityManager, days: number): Promise<string[]> {
  const rows = (await db.query(
    `SELECT ep.consumer FROM event_positions ep
     JOIN LATERAL (SELECT occurred_at FROM events e WHERE e.seq > ep.seq ORDER BY e.seq LIMIT 1) next ON true
     WHERE next.occurred_at < now() - make_interval(days => $1) ORDER BY ep.consumer`,
    [days],
  )) as Array<{ consumer: string }>;
  return rows.map((row) => row.consumer);
}
