import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { Logger } from '../logger';
import { deliveryRowsConsumer } from './delivery-rows.consumer';
import { deliverySender } from './delivery-sender';
import { postUrlFor } from './event-payload';

export interface WebhooksDeps {
  db: DataSource;
  config: Config;
  logger: Logger;
}

/**
 * Standard Webhooks (CONTRACT.md "Webhooks"; the admin API is the webhook resolvers, services
 * and reader): an outbox consumer that only writes one delivery row per event and subscribed
 * endpoint, and a sender job that claims due rows and POSTs them, signed, retried on
 * WEBHOOK_RETRY_SCHEDULE with the same webhook-id. Pending attempts are rows, so they survive
 * restarts, and leases make each attempt one instance's. It adds nothing to requests.
 */
export function webhooks(deps: WebhooksDeps): Capability {
  const { db, config, logger } = deps;
  // Links in deliveries are absolute: PUBLIC_BASE_URL, else the server's own address (CONTRACT.md "Delivery").
  const baseUrl = config.publicBaseUrl ?? `http://${config.host}:${config.port}`;
  const sender = deliverySender({
    db,
    settings: config.webhooks,
    logger,
    listenUrl: (db.options as PostgresConnectionOptions).url,
  });
  return {
    name: 'webhooks',
    consumers: [deliveryRowsConsumer(db.manager, postUrlFor(baseUrl, config.postUrlTemplate))],
    jobs: [sender.job],
    // After the jobs have stopped: sends under way are cut short and recorded, for another instance to retry.
    stop: () => sender.stop(),
  };
}
