import { EventEmitter } from 'node:events';
import { RedisClients } from '../redis/redis-clients';
import { EventBus, LiveListener } from './event-bus';
import { LiveEvent } from './live-event';

/**
 * The bus across instances: the dispatcher (on whichever instance holds the outbox position)
 * publishes to one Redis channel and every instance's subscribers hear it. Pub/sub keeps
 * nothing: an event published while an instance is cut off from Redis does not reach that
 * instance's subscribers. The dispatcher does not lose events: a publish that fails is
 * retried from the outbox, and this instance publishes only while it hears the channel itself.
 */
export class RedisEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly channel: string;
  private hearing = false;

  constructor(private readonly redis: RedisClients) {
    this.channel = `${redis.prefix}live-events`;
    const { subscriber } = redis;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(message) as LiveEvent;
      } catch {
        return; // not ours: something else published on the channel
      }
      this.emitter.emit('event', event);
    });
    // ioredis subscribes again by itself after a reconnect; this tells us when that is done.
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => (this.hearing = true),
        () => undefined,
      );
    });
    subscriber.on('close', () => (this.hearing = false));
  }

  async publish(event: LiveEvent): Promise<void> {
    if (!this.hearing) throw new Error('not subscribed to the live-events channel (Redis unreachable)');
    await this.redis.commands.publish(this.channel, JSON.stringify(event));
  }

  listen(listener: LiveListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
