import { EntityManager } from 'typeorm';
import { selectList } from '../entities/columns';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';

/**
 * The channel that wakes every instance's webhook sender (src/webhooks) when deliveries become
 * due now: NOTIFY is delivered at commit, so the sender never looks before the rows exist.
 */
export const DELIVERIES_DUE_CHANNEL = 'broadsheet_webhooks';

/** The served columns of a delivery aliased `d`. */
export const DELIVERY_COLUMNS = selectList(WebhookDelivery, 'd');

/** Wakes the senders once the caller's transaction commits. */
export async function notifyDeliveriesDue(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '')`);
}
