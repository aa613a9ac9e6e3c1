import { Client } from 'pg';

/** The channel the `events_notify` trigger notifies when events commit. */
const EVENTS_CHANNEL = 'broadsheet_events';

/**
 * Calls `notified` whenever events commit (LISTEN on the trigger's channel), and once when it
 * starts listening (whatever committed while nobody listened). A lost connection only costs
 * promptness, since the dispatcher also polls: it is opened again after `retryMs`.
 */
export function listenForEvents(
  url: string,
  notified: () => void,
  retryMs: number,
  /** Another channel (webhook deliveries due: src/services/webhook-deliveries.ts). */
  channel = EVENTS_CHANNEL,
): { stop(): Promise<void> } {
  let stopped = false;
  let listener: Client | null = null;
  let reconnect: NodeJS.Timeout | undefined;
  const listen = async () => {
    if (stopped) return;
    const client = new Client({ connectionString: url });
    let lost = false;
    const relisten = () => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      if (!stopped) reconnect = setTimeout(() => void listen(), retryMs);
    };
    client.on('error', relisten);
    client.on('end', relisten);
    client.on('notification', notified);
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      listener = client;
      if (stopped) await client.end();
      else notified();
    } catch {
      relisten();
    }
  };
  void listen();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(reconnect);
      await listener?.end().catch(() => undefined);
    },
  };
}
