import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { BackgroundJob } from '../capability/background-job';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { WalPosition } from '../db/wal-position';
import { EventConsumer, dispatchOnce } from '../events/dispatcher';
import { listenForEvents } from '../events/event-notifications';
import { announceDuePosts } from '../events/go-live';
import { Logger } from '../logger';
import { afterReplay } from './after-replay';
import { retentionJob } from './retention.job';

export interface EventProcessingDeps {
  db: DataSource;
  config: Config;
  logger: Logger;
  /** Every other capability's consumers, in the order they hear each event. */
  consumers: EventConsumer[];
  /** With read replicas: consumers hear events once the replicas in use have their changes. */
  replicas?: { waitForReplay(position: WalPosition): Promise<void> };
}

/**
 * What turns the outbox into effects, on every instance (they take turns through locks): the
 * go-live sweep that announces scheduled posts, the dispatcher that hands events to the
 * capabilities' consumers, and the removal of old events. Jobs only: it adds nothing to requests.
 */
export function eventProcessing(deps: EventProcessingDeps): Capability {
  const { db, config, logger } = deps;
  const consumers = deps.replicas ? afterReplay(deps.consumers, deps.replicas) : deps.consumers;
  const goLive: BackgroundJob = {
    name: 'go-live sweep',
    everyMs: config.goLiveIntervalMs,
    firstAfterMs: 0, // catches up on any moment the server was down for
    run: async () => (await announceDuePosts(db.manager)) > 0,
    failing: 'could not announce due scheduled posts; trying again',
    recovered: 'announcing scheduled posts again',
  };
  const listenUrl = (db.options as PostgresConnectionOptions).url;
  const dispatcher: BackgroundJob = {
    name: 'event dispatcher',
    everyMs: config.eventsPollIntervalMs,
    firstAfterMs: 0,
    // Whatever was delivered, look again: more may have committed meanwhile, or a full batch may have more behind it.
    run: async () => (await dispatchOnce(db.manager, consumers)) > 0,
    wakeOn: listenUrl ? (wake) => listenForEvents(listenUrl, wake, config.eventsPollIntervalMs * 5) : undefined,
    failing: 'could not deliver events; they wait in the outbox and are retried',
    recovered: 'delivering events again',
  };
  return {
    name: 'event processing',
    jobs: [goLive, dispatcher, ...(config.eventsRetentionDays > 0 ? [retentionJob(db, config, logger)] : [])],
  };
}
