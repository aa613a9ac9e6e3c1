import Redis from 'ioredis';
import { Logger } from '../logger';

/** The connections an instance keeps to Redis (REDIS_URL). */
export interface RedisClients {
  /** Commands: rate limits, the persisted-query cache, publishing live events. */
  commands: Redis;
  /** A connection in subscriber mode can run nothing else, so live events get their own. */
  subscriber: Redis;
  /** Prefix of every key and channel, so several sites (or test runs) can share one Redis. */
  prefix: string;
  close(): Promise<void>;
}

/**
 * Connects to Redis without waiting for it: an instance starts and serves while Redis is away.
 * Commands fail at once instead of queueing while it is away (`enableOfflineQueue: false`) or
 * after a second without an answer (`commandTimeout`), so
 * rate limits fall back to in-process counters and the dispatcher retries its events later;
 * the subscriber reconnects and subscribes again by itself. Each outage is logged once, and
 * so is the return.
 */
export function connectRedis(url: string, prefix: string, logger: Logger): RedisClients {
  // A command that gets no answer (a partition the client has not noticed) fails after a
  // second, so limits fall back and the dispatcher lets go of its transaction.
  const commands = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  let away = false;
  const wentAway = (error: Error) => {
    if (away) return;
    away = true;
    logger.warn('Redis is unreachable: rate limits count in this process only and live updates wait until it returns', {
      cause: error.message,
    });
  };
  commands.on('error', wentAway);
  subscriber.on('error', () => undefined); // the command connection reports the outage, once
  commands.on('ready', () => {
    if (!away) return;
    away = false;
    logger.info('Redis is reachable again: rate limits are shared and live updates flow');
  });
  return {
    commands,
    subscriber,
    prefix,
    close: async () => {
      // QUIT lets Redis close the line; a connection that is away is just dropped.
      await Promise.all([commands, subscriber].map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
