import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { Config } from '../config';
import { startPurger } from '../delivery/cache-purge.consumer';
import { startDispatchLoop } from '../events/dispatch-loop';
import { startGoLiveScheduler } from '../events/go-live';
import { consumersBehind, pruneEvents } from '../events/retention';
import { responseCacheConsumer } from '../live/cache-keys.consumer';
import { EventBus } from '../live/event-bus';
import { liveUpdatesConsumer } from '../live/live-updates.consumer';
import { Logger } from '../logger';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface EventProcessing {
  stop(): Promise<void>;
}

/**
 * What turns the outbox into effects, on every instance (they take turns through locks): the
 * go-live sweep that announces scheduled posts, the dispatcher that hands events to their
 * consumers, and the removal of old events. A new consumer (webhooks, say) is one module added to the list below.
 */
export function startEventProcessing(deps: {
  db: DataSource;
  bus: EventBus;
  config: Config;
  logger: Logger;
}): EventProcessing {
  const { db, config, logger } = deps;
  const goLive = startGoLiveScheduler(db.manager, config.goLiveIntervalMs, (error) =>
    logger.warn('could not announce due scheduled posts; trying again', { cause: String(error) }),
  );
  const purger = config.purge ? startPurger(config.purge, logger) : undefined;
  const dispatch = startDispatchLoop({
    db: db.manager,
    consumers: [liveUpdatesConsumer(deps.bus), responseCacheConsumer(deps.bus), ...(purger ? [purger.consumer] : [])],
    intervalMs: config.eventsPollIntervalMs,
    listenUrl: (db.options as PostgresConnectionOptions).url,
    onFailing: (error) =>
      logger.warn('could not deliver events; they wait in the outbox and are retried', {
        cause: error instanceof Error ? error.message : String(error),
      }),
    onRecovered: () => logger.info('delivering events again'),
  });
  // A minute after start and then hourly, on every instance (the deletes do not collide).
  const pruneOldEvents = async () => {
    if (config.eventsRetentionDays === 0) return;
    try {
      await pruneEvents(db.manager, config.eventsRetentionDays);
      const behind = await consumersBehind(db.manager, config.eventsRetentionDays);
      if (behind.length > 0) {
        logger.warn('event consumers are behind the retention; events are kept for them', {
          consumers: behind,
          hint: 'a consumer no longer run keeps its row in event_positions: delete the row',
        });
      }
    } catch (error) {
      logger.warn('could not remove old events; trying again later', { cause: String(error) });
    }
  };
  const firstPrune = setTimeout(() => void pruneOldEvents(), 60_000);
  const prune = setInterval(() => void pruneOldEvents(), PRUNE_INTERVAL_MS);
  firstPrune.unref();
  prune.unref();
  return {
    stop: async () => {
      clearTimeout(firstPrune);
      clearInterval(prune);
      goLive.stop();
      await dispatch.stop();
      // The dispatcher has moved past the queued keys: send them before going (within reason).
      if (purger) await Promise.race([purger.drained(), new Promise((resolve) => setTimeout(resolve, 5000))]);
      purger?.stop();
    },
  };
}
