import { EntityManager } from 'typeorm';
import { tagged } from '../db/statement-tag';
import { inTransaction } from '../db/transaction';
import { EventType } from './event';

/** An event as the outbox holds it. */
export interface StoredEvent {
  seq: string;
  type: EventType;
  postId: string | null;
  commentId: string | null;
  authorId: string | null;
  cacheKeys: string[];
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** One thing that reacts to events (live subscriptions, cache purges, webhooks): one small module each. */
export interface EventConsumer {
  /** Names its position in the outbox; keep it stable. */
  name: string;
  /**
   * `round` is the dispatcher's transaction, which also moves the consumer's position: rows
   * written in it exist exactly when the event counts as handed on. (Absent when a consumer is
   * driven on its own.)
   */
  handle(event: StoredEvent, round?: EntityManager): Promise<void>;
}

/** Events per consumer per round. */
const BATCH = 200;

/**
 * Hands each consumer the events after its position, in sequence order, and then moves its
 * position: delivery is at least once (a crash between the two repeats a batch) and survives a
 * restart. Only events of transactions older than every transaction still running are read
 * (`tx_id < pg_snapshot_xmin`): a lower sequence number that commits after a higher one was read
 * is never skipped. A consumer's round holds a lock on its position, so with several instances
 * one delivers at a time. Returns how many events were handed on.
 */
export async function dispatchOnce(db: EntityManager, consumers: EventConsumer[]): Promise<number> {
  let delivered = 0;
  for (const consumer of consumers) {
    delivered += await inTransaction(db, async (m) => {
      // A new consumer starts at the end of the outbox: it reacts to what happens from now on.
      await m.query(
        tagged(
          'dispatcher',
          'INSERT INTO event_positions (consumer, seq) SELECT $1, coalesce(max(seq), 0) FROM events ON CONFLICT DO NOTHING',
        ),
        [consumer.name],
      );
      const [position] = (await m.query(
        tagged('dispatcher', 'SELECT seq::text FROM event_positions WHERE consumer = $1 FOR UPDATE SKIP LOCKED'),
        [consumer.name],
      )) as Array<{ seq: string }>;
      if (!position) return 0; // another instance is delivering to this consumer
      const events = (await m.query(
        tagged(
          'dispatcher',
          `SELECT seq::text AS seq, type, post_id AS "postId", comment_id AS "commentId", author_id AS "authorId",
                cache_keys AS "cacheKeys", payload, occurred_at AS "occurredAt"
         FROM events e
         WHERE e.seq > $1 AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY e.seq LIMIT $2`,
        ),
        [position.seq, BATCH],
      )) as StoredEvent[];
      for (const event of events) await consumer.handle(event, m);
      if (events.length > 0) {
        await m.query(tagged('dispatcher', 'UPDATE event_positions SET seq = $2 WHERE consumer = $1'), [
          consumer.name,
          events[events.length - 1].seq,
        ]);
      }
      return events.length;
    });
  }
  return delivered;
}
