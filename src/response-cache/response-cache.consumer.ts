import { EventBus } from '../bus/event-bus';
import { EventConsumer } from '../events/dispatcher';

/**
 * The dispatcher's consumer that tells every instance's response cache what changed: a change
 * made through another instance (or a scheduled post announced by another's sweep) drops the
 * answers it replaced here too, and moves the schedule horizon.
 */
export function responseCacheConsumer(bus: EventBus): EventConsumer {
  return {
    name: 'response-cache',
    async handle(event) {
      if (event.cacheKeys.length > 0)
        await bus.publish({ kind: 'keys.changed', seq: event.seq, keys: event.cacheKeys });
    },
  };
}
