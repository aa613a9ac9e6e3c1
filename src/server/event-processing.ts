import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { Config } from '../config';
import { startPurger } from '../delivery/cache-purge.consumer';
import { responseCacheConsumer } from '../delivery/response-cache.consumer';
import { startDispatchLoop } from '../events/dispatch-loop';
import { startGoLiveScheduler } from '../events/go-live';
import { pruneEvents } from '../events/retention';
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
  // Hourly, on every instance (the deletes do not collide: each removes what is still there).
  const prune = setInterval(() => {
    if (config.eventsRetentionDays === 0) return;
    pruneEvents(db.manager, config.eventsRetentionDays).catch((error: unknown) =>
      logger.warn('could not remove old events; trying again in an hour', { cause: String(error) }),
    );
  }, PRUNE_INTERVAL_MS);
  prune.unref();
  return {
    stop: async () => {
      clearInterval(prune);
      goLive.stop();
      await dispatch.stop();
      purger?.stop();
    },
  };
}
