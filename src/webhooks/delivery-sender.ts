import { DataSource } from 'typeorm';
import { BackgroundJob } from '../capability/background-job';
import { listenForEvents } from '../events/event-notifications';
import { Logger } from '../logger';
import { DELIVERIES_DUE_CHANNEL } from '../services/webhook-deliveries';
import { WebhookSettings } from '../webhook-settings';
import { recordAttempt } from './attempt-record';
import { ClaimedDelivery, anyPending, claimDueDeliveries } from './delivery-claims';
import { sendAttempt } from './send-attempt';
import { signatureHeader } from './signature';

/** Sends under way at once on one instance, all endpoints together. */
const MAX_IN_FLIGHT = 32;
/** ... and per endpoint: a slow or dead endpoint holds at most these, never the others' slots. */
const PER_ENDPOINT = 4;
/** How often due retries are looked for when nothing wakes the sender sooner. */
const POLL_MS = 1000;
/** A claim outlives the attempt's deadline by this, so only an instance that died loses it. */
const LEASE_MARGIN_MS = 60_000;

export interface DeliverySenderDeps {
  db: DataSource;
  settings: WebhookSettings;
  logger: Logger;
  /** The database URL to LISTEN on for deliveries due now; unset: polling only. */
  listenUrl: string | undefined;
}

export interface DeliverySender {
  job: BackgroundJob;
  /** Interrupts the sends under way and waits until each is recorded (as interrupted). */
  stop(): Promise<void>;
}

/**
 * The sender: a background job whose rounds claim due deliveries (delivery-claims.ts) and start
 * their attempts without waiting for them. Each attempt runs on its own, bounded in time, and
 * its end records it and wakes another round, so a hung endpoint occupies only its own slots
 * while the others' deliveries keep going, and the dispatcher (live updates, purges) never
 * waits for any. Rounds are woken by NOTIFY when deliveries become due now, by a timer at the
 * next retry this instance scheduled, and by a poll for the rest.
 */
export function deliverySender(deps: DeliverySenderDeps): DeliverySender {
  const { db, settings, logger } = deps;
  const inFlight = new Set<Promise<void>>();
  const busy = new Map<string, number>();
  const stopping = new AbortController();
  let wakeRound = () => {};
  /**
   * Nothing is pending anywhere: polls send no query until woken. Every pending delivery is made
   * with a NOTIFY (a new event's, testWebhook, redeliverWebhook, re-enabling), so a database
   * without webhooks, or with all delivered, costs no statement a second.
   */
  let idle = false;
  /** Wake-ups so far: one during a round's check means it must not go idle. */
  let wakes = 0;
  const wake = () => {
    wakes += 1;
    idle = false;
    wakeRound();
  };

  const attempt = async (delivery: ClaimedDelivery): Promise<void> => {
    const body = JSON.stringify(delivery.payload);
    const at = new Date();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Broadsheet-Webhooks/1.0',
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signatureHeader(delivery.secrets, delivery.messageId, at, body),
    };
    const result = await sendAttempt(
      { url: delivery.url, headers, body },
      { timeoutMs: settings.timeoutMs, allowPrivateNetworks: settings.allowPrivateNetworks, signal: stopping.signal },
    );
    const recorded = await recordAttempt(db, delivery, result, settings);
    if (recorded.disabledReason) {
      logger.warn('webhook endpoint disabled', { webhookId: delivery.webhookId, reason: recorded.disabledReason });
    }
    if (recorded.nextAttemptAt && !stopping.signal.aborted) {
      setTimeout(() => wake(), Math.max(0, recorded.nextAttemptAt.getTime() - Date.now())).unref();
    }
  };

  const start = (delivery: ClaimedDelivery) => {
    busy.set(delivery.webhookId, (busy.get(delivery.webhookId) ?? 0) + 1);
    const running: Promise<void> = attempt(delivery)
      .catch((error: unknown) => {
        // Unrecorded (the database is away): the lease runs out and the attempt is made again.
        logger.error('could not record a webhook attempt; it will be made again', error, { deliveryId: delivery.id });
      })
      .finally(() => {
        inFlight.delete(running);
        const left = (busy.get(delivery.webhookId) ?? 1) - 1;
        if (left > 0) busy.set(delivery.webhookId, left);
        else busy.delete(delivery.webhookId);
        wake(); // a slot is free: the next due delivery goes now, not at the next poll
      });
    inFlight.add(running);
  };

  const job: BackgroundJob = {
    name: 'webhook deliveries',
    everyMs: POLL_MS,
    firstAfterMs: 0, // what came due while no instance ran
    run: async () => {
      const room = MAX_IN_FLIGHT - inFlight.size;
      if (idle || room <= 0 || stopping.signal.aborted) return;
      const wakesBefore = wakes;
      const claimed = await claimDueDeliveries(db, {
        limit: room,
        perEndpoint: PER_ENDPOINT,
        busy,
        leaseMs: settings.timeoutMs + LEASE_MARGIN_MS,
      });
      for (const delivery of claimed) start(delivery);
      if (claimed.length === 0 && inFlight.size === 0 && deps.listenUrl && !(await anyPending(db))) {
        idle = wakes === wakesBefore;
      }
    },
    wakeOn: (wakeJob) => {
      wakeRound = wakeJob;
      // Also once when it starts listening: whatever became due while nobody listened.
      return deps.listenUrl
        ? listenForEvents(deps.listenUrl, wake, POLL_MS * 5, DELIVERIES_DUE_CHANNEL)
        : { stop: async () => {} };
    },
    failing: 'could not claim webhook deliveries; they wait in the database and are tried again',
    recovered: 'sending webhook deliveries again',
  };

  return {
    job,
    stop: async () => {
      stopping.abort();
      await Promise.all([...inFlight]);
    },
  };
}
