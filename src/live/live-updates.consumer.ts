import { EventBus } from '../bus/event-bus';
import { LiveEvent } from '../bus/live-event';
import { EventConsumer, StoredEvent } from '../events/dispatcher';

/** The live event an outbox event means, if any: subscriptions care about two moments. */
function liveEventOf(event: StoredEvent): LiveEvent | null {
  const { seq, postId, commentId } = event;
  if (event.type === 'post.published' && postId)
    return { kind: 'post.live', seq, postId, at: new Date(event.occurredAt).toISOString() };
  // A comment becomes visible to readers when it is added approved (staff) or approved later.
  const becameVisible =
    event.type === 'comment.approved' || (event.type === 'comment.added' && event.payload.status === 'APPROVED');
  if (becameVisible && postId && commentId) return { kind: 'comment.visible', seq, postId, commentId };
  return null;
}

/** The dispatcher's consumer for subscriptions: hands the events they care about to the bus. */
export function liveUpdatesConsumer(bus: EventBus): EventConsumer {
  return {
    name: 'live-updates',
    async handle(event) {
      const live = liveEventOf(event);
      if (live) await bus.publish(live);
    },
  };
}
