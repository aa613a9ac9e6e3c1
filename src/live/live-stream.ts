import { EventBus } from '../bus/event-bus';
import { LiveEvent } from '../bus/live-event';

/** Events a subscriber may have waiting; one that falls further behind is ended (it may subscribe again). */
const MAX_WAITING = 1000;

/**
 * The events of one kind on the bus as one subscriber's stream: each is turned into what the subscriber
 * receives by `pick`, one at a time and in order, or skipped when `pick` gives null. `pick`
 * giving `undefined` ends the stream. Listening stops when the subscriber completes or leaves,
 * and when `pick` fails (graphql-js would not call `return` after a failed `next`). An event
 * handed on again (delivery is at least once) is skipped: its sequence number is not above the
 * last one this stream took.
 */
export function liveStream<T>(
  bus: EventBus,
  kind: LiveEvent['kind'],
  pick: (event: LiveEvent) => Promise<T | null | undefined>,
): AsyncIterableIterator<T> {
  const waiting: LiveEvent[] = [];
  let wakeUp: (() => void) | null = null;
  let ended = false;
  const end = () => {
    ended = true;
    stopListening();
    wakeUp?.();
  };
  // Events of one kind only: an outbox event may be handed on as several kinds (a live event,
  // its keys), and a subscriber's queue holds what it waits for, nothing else.
  let lastSeq = -1n;
  const stopListening = bus.listen((event) => {
    if (event.kind !== kind) return;
    const seq = BigInt(event.seq);
    if (seq <= lastSeq) return;
    lastSeq = seq;
    if (waiting.length >= MAX_WAITING) end();
    else waiting.push(event);
    wakeUp?.();
  });
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });
  return {
    async next() {
      while (!ended) {
        const event = waiting.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wakeUp = resolve));
          wakeUp = null;
          continue;
        }
        let value: T | null | undefined;
        try {
          value = await pick(event);
        } catch (error) {
          end();
          throw error;
        }
        if (value === undefined) end();
        else if (value !== null && !ended) return { value, done: false };
      }
      return done();
    },
    async return() {
      end();
      return done();
    },
    async throw(error: unknown) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
