import type { EntityManager } from 'typeorm';
import { WalPosition, committedWalPosition } from '../db/wal-position';
import { EventConsumer } from '../events/dispatcher';

/**
 * Consumers that hear each round of events only once the read replicas in use have replayed
 * the changes behind them. What the consumers set going reads through replicas: a live
 * subscription's answer to the event, the response cache's drop (the next reader recomputes on
 * a replica), a CDN's refetch after a purge. Handed on earlier, they could read the state from
 * before the change, and a cache would then keep it for its max-age (the drops at commit and at
 * the event would both have come before the replica had the change). The position is read in
 * the round's transaction after its events were: every one of them committed before it.
 * (Saleor waits for its replica likewise before building a webhook's payload, saleor/saleor#18607.)
 */
export function afterReplay(
  consumers: EventConsumer[],
  replicas: { waitForReplay(position: WalPosition): Promise<void> },
): EventConsumer[] {
  return consumers.map((consumer) => {
    // Each round is a transaction of its own with a manager of its own: one wait per round.
    const waited = new WeakSet<EntityManager>();
    return {
      name: consumer.name,
      async handle(event, round) {
        if (round && !waited.has(round)) {
          waited.add(round);
          await replicas.waitForReplay(await committedWalPosition(round));
        }
        return consumer.handle(event, round);
      },
    };
  });
}
