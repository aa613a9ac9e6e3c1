import { EntityManager } from 'typeorm';
import { noteChangedKeys } from './committed-changes';
import { NewEvent } from './event';

/** Writes `events` in the caller's transaction: they exist exactly when the change commits. */
export async function recordEvents(m: EntityManager, events: NewEvent[]): Promise<void> {
  noteChangedKeys(
    m,
    events.flatMap((event) => event.cacheKeys),
  );
  for (const event of events) {
    await m.query(
      `INSERT INTO events (type, post_id, comment_id, author_id, cache_keys, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.type,
        event.postId ?? null,
        event.commentId ?? null,
        event.authorId ?? null,
        [...new Set(event.cacheKeys)],
        JSON.stringify(event.payload ?? {}),
      ],
    );
  }
}
