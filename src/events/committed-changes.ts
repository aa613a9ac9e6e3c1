import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';

interface ChangeNotes {
  changedCacheKeys?: Set<string>;
}

/** Notes, in the transaction that records events, the cache keys they affect (see watchCommittedChanges). */
export function noteChangedKeys(m: EntityManager, keys: Iterable<string>): void {
  const data = m.queryRunner?.data as ChangeNotes | undefined;
  if (!data) return;
  const noted = (data.changedCacheKeys ??= new Set());
  for (const key of keys) noted.add(key);
}

/**
 * Calls `listener` with the cache keys of each transaction of this process that recorded events,
 * once it has committed and before the write that made it answers: a reader that asks right after
 * a change never meets what the change replaced in this process's caches. A rolled-back
 * transaction says nothing. (Other processes' changes reach this one through the events: the
 * dispatcher's response-cache consumer and the event bus.)
 */
export function watchCommittedChanges(db: DataSource, listener: (keys: string[]) => Promise<void> | void): void {
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit(event: TransactionCommitEvent) {
      // A savepoint released inside a request's own transaction (src/db/request-transaction.ts)
      // is not a commit yet: its keys wait, noted, for the one that is.
      if (event.queryRunner.isTransactionActive) return;
      const data = event.queryRunner.data as ChangeNotes | undefined;
      const keys = data?.changedCacheKeys;
      if (!keys || keys.size === 0) return;
      data.changedCacheKeys = undefined;
      // TypeORM waits for a subscriber's promise before the commit returns.
      return listener([...keys]);
    },
  };
  db.subscribers.push(subscriber);
}
