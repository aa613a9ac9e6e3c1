import { EventEmitter } from 'node:events';
import { LiveEvent } from './live-event';

export type LiveListener = (event: LiveEvent) => void;

/**
 * Carries live events from the one dispatcher that reads the outbox to the subscribers of
 * every instance: in process without Redis, through Redis pub/sub with it.
 */
export interface EventBus {
  /** Rejects when the event could not be handed on; the dispatcher then tries again later. */
  publish(event: LiveEvent): Promise<void>;
  /** Returns the function that stops listening. */
  listen(listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** The bus of a single instance. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: LiveEvent): Promise<void> {
    this.emitter.emit('event', event);
  }

  listen(listener: LiveListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
