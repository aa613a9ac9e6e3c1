import { DataSource } from 'typeorm';
import { BackgroundJob } from '../capability/background-job';
import { Config } from '../config';
import { consumersBehind, pruneEvents } from '../events/retention';
import { Logger } from '../logger';

const HOUR_MS = 60 * 60 * 1000;

/** Removes events older than EVENTS_RETENTION_DAYS a minute after start and then hourly, on every instance (the deletes do not collide). */
export function retentionJob(db: DataSource, config: Config, logger: Logger): BackgroundJob {
  return {
    name: 'event retention',
    everyMs: HOUR_MS,
    firstAfterMs: 60_000,
    run: async () => {
      await pruneEvents(db.manager, config.eventsRetentionDays);
      const behind = await consumersBehind(db.manager, config.eventsRetentionDays);
      if (behind.length > 0) {
        logger.warn('event consumers are behind the retention; events are kept for them', {
          consumers: behind,
          hint: 'a consumer no longer run keeps its row in event_positions: delete the row',
        });
      }
    },
    failing: 'could not remove old events; trying again later',
    recovered: 'removing old events again',
  };
}
