import { EventBus } from '../bus/event-bus';
import { EventConsumer } from '../events/dispatcher';
import { ResponseCache } from './response-cache';

/**
 * The dispatcher's consumer that no change escapes: it drops each committed event's answers
 * from a shared store (Redis) and moves its generation, also when the instance that made the
 * change dropped them at commit, since that drop may have failed (Redis away from it then). Then
 * it tells every instance on the bus, so stores in memory drop theirs and the schedule horizon
 * moves. Either step failing rejects, and the dispatcher hands the event round again; dropping
 * twice is harmless.
 */
export function responseCacheConsumer(cache: ResponseCache, bus: EventBus): EventConsumer {
  return {
    name: 'response-cache',
    async handle(event) {
      if (event.cacheKeys.length === 0) return;
      await cache.committed(event.cacheKeys);
      await bus.publish({ kind: 'keys.changed', seq: event.seq, keys: event.cacheKeys });
    },
  };
}
