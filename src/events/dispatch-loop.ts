import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { EventConsumer, dispatchOnce } from './dispatcher';

/** The channel the `events_notify` trigger notifies when events commit. */
const CHANNEL = 'broadsheet_events';

export interface DispatchLoopOptions {
  db: EntityManager;
  consumers: EventConsumer[];
  /** A poll at this interval catches what a notification did not announce (or announced too early). */
  intervalMs: number;
  /** The database to LISTEN on for prompt delivery; without it the loop only polls. */
  listenUrl?: string;
  /** Told once when delivery starts failing, and once when it works again. */
  onFailing(error: unknown): void;
  onRecovered(): void;
}

export interface DispatchLoop {
  /** Resolves when no round is running any more. */
  stop(): Promise<void>;
}

/**
 * Runs the dispatcher: when events commit (LISTEN/NOTIFY) and every `intervalMs`. One round
 * at a time per instance; a wake-up during a round runs another right after it. A failing round
 * (Redis away, the database away) leaves the events in the outbox for the next one.
 */
export function startDispatchLoop(options: DispatchLoopOptions): DispatchLoop {
  let stopped = false;
  let round: Promise<void> | null = null;
  let again = false;
  let failing = false;

  const run = async () => {
    do {
      again = false;
      try {
        const delivered = await dispatchOnce(options.db, options.consumers);
        if (failing) {
          failing = false;
          options.onRecovered();
        }
        // Whatever was delivered, look again: more may have committed meanwhile, or a full batch may have more behind it.
        if (delivered > 0) again = true;
      } catch (error) {
        if (!failing) {
          failing = true;
          options.onFailing(error);
        }
        return;
      }
    } while (again && !stopped);
  };
  const wake = () => {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = run().finally(() => {
      round = null;
    });
  };

  const timer = setInterval(wake, options.intervalMs);
  timer.unref();
  let listener: Client | null = null;
  let reconnect: NodeJS.Timeout | undefined;
  const listen = async () => {
    if (!options.listenUrl || stopped) return;
    const client = new Client({ connectionString: options.listenUrl });
    let lost = false;
    // A lost listener only costs promptness (the poll goes on); reconnect after a pause.
    const relisten = () => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      if (!stopped) reconnect = setTimeout(() => void listen(), options.intervalMs * 5);
    };
    client.on('error', relisten);
    client.on('end', relisten);
    client.on('notification', wake);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      listener = client;
      if (stopped) await client.end();
      else wake(); // whatever committed while nobody listened
    } catch {
      relisten();
    }
  };
  void listen();
  wake();

  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(reconnect);
      await listener?.end().catch(() => undefined);
      await round;
    },
  };
}
