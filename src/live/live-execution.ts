import { ExecutionArgs, ExecutionResult, createSourceEventStream, execute } from 'graphql';
import { EventLoopTurns } from './event-loop-turns';

/** One subscriber's answers, one per event; `return` stops listening. */
type Answers = AsyncIterableIterator<ExecutionResult> &
  Required<Pick<AsyncIterableIterator<ExecutionResult>, 'return' | 'throw'>>;

/** Answers computed by running a selection, and answers shared from an identical subscription's. */
export interface AnswerCounts {
  computed: number;
  shared: number;
}

/**
 * How both transports run a subscription (their `subscribe`), as graphql-js's `subscribe` does
 * (the root field's stream of events, each executed with the selection), bounding the work one
 * event starts:
 *
 * - subscriptions `share`d under one key (anonymous, with the same document, operation and
 *   variables) see the same at an event: their readers are shared per event, so the event's
 *   object is the same object for each. Its answer is computed once and shared, keyed by that
 *   object (a WeakMap: gone with the event's readers);
 * - each subscriber's answer waits for a turn of the event loop (EventLoopTurns), so requests are
 *   served between subscribers.
 */
export function liveExecution() {
  const keys = new WeakMap<object, string>();
  const answersOfEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  const turns = new EventLoopTurns();
  const counts: AnswerCounts = { computed: 0, shared: 0 };

  const answer = (args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> => {
    const key = typeof args.contextValue === 'object' && args.contextValue ? keys.get(args.contextValue) : undefined;
    const run = () => {
      counts.computed += 1;
      return Promise.resolve(execute({ ...args, rootValue: payload }));
    };
    if (key === undefined || typeof payload !== 'object' || payload === null) return run();
    let byKey = answersOfEvent.get(payload);
    if (!byKey) answersOfEvent.set(payload, (byKey = new Map()));
    const shared = byKey.get(key);
    if (shared) {
      counts.shared += 1;
      return shared;
    }
    const computed = run();
    byKey.set(key, computed);
    return computed;
  };

  return {
    /** Marks a subscription's context as one whose answers are shared with others of `key`. */
    share(contextValue: object, key: string): void {
      keys.set(contextValue, key);
    },

    async subscribe(args: ExecutionArgs): Promise<Answers | ExecutionResult> {
      const stream = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in stream)) return stream;
      const events = stream[Symbol.asyncIterator]();
      const answers: Answers = {
        async next() {
          const event = await events.next();
          if (event.done) return { value: undefined, done: true };
          try {
            await turns.take();
            return { value: await answer(args, event.value), done: false };
          } catch (error) {
            await events.return?.();
            throw error;
          }
        },
        // Not an async generator function: graphql-ws and graphql-sse call `return` while a `next`
        // waits for an event that may never come, and a generator would make it wait too.
        async return() {
          await events.return?.();
          return { value: undefined, done: true };
        },
        async throw(error: unknown) {
          await events.return?.();
          throw error;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return answers;
    },

    counts: (): AnswerCounts => ({ ...counts }),
  };
}
