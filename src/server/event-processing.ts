import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { Config } from '../config';
import { startPurger } from '../delivery/cache-purge.consumer';
import { responseCacheConsumer } from '../delivery/response-cache.consumer';
import { startDispatchLoop } from '../events/dispatch-loop';
import { startGoLiveScheduler } from '../events/go-live';
import { EventBus } from '../live/event-bus';
import { liveUpdatesConsumer } from '../live/live-updates.consumer';
import { Logger } from '../logger';

export interface EventProcessing {
  stop(): Promise<void>;
}

/**
 * What turns the outbox into effects, on every instance (they take turns through locks): the
 * go-live sweep that announces scheduled posts, and the dispatcher that hands events to their
 * consumers. A new consumer (webhooks, say) is one module added to the list below.
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
  return {
    stop: async () => {
      goLive.stop();
      await dispatch.stop();
      purger?.stop();
    },
  };
}
