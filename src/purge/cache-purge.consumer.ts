import { PurgeConfig } from '../config';
import { EventConsumer } from '../events/dispatcher';
import { PurgeRequest, purgeRequests } from './purge-target';

export interface PurgeLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
}

/** Waits before the second, third and fourth attempt of a purge. */
const RETRY_DELAYS_MS = [200, 1000, 3000];
/** A purge target that does not answer within this is tried again. */
const TIMEOUT_MS = 5000;

async function send(request: PurgeRequest): Promise<void> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // Read (and drop) the body so the connection goes back to the pool.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`${request.method} ${request.url} answered ${response.status}`);
}

export interface Purger {
  /** The dispatcher's consumer: it only queues the event's keys, and returns at once. */
  consumer: EventConsumer;
  /** Resolves when every queued key has been purged (or given up on). */
  drained(): Promise<void>;
  /** Sends nothing more (a stopping server); what is queued is given up. */
  stop(): void;
}

/**
 * Purges CDN caches by the keys of the events: Fastly, Cloudflare, or an HTTP PURGE such as
 * Varnish's xkey. The dispatcher only queues keys, so a slow or failing purge target never holds
 * its transaction (and with it live updates); keys queued meanwhile go out together in the next
 * requests. A failed request is retried three times over about four seconds, with a log line per
 * failure, then given up (the answers it would have dropped expire by their max-age).
 */
export function startPurger(
  config: PurgeConfig,
  log: PurgeLog,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Purger {
  const queued = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;

  const purge = async (request: PurgeRequest, keys: string[]) => {
    for (let attempt = 0; !stopped; attempt += 1) {
      try {
        await send(request);
        return;
      } catch (error) {
        const fields = { keys, attempt: attempt + 1, cause: error instanceof Error ? error.message : String(error) };
        if (attempt >= RETRY_DELAYS_MS.length) {
          log.error('purge failed; giving up (cached answers expire by their max-age)', undefined, fields);
          return;
        }
        log.warn('purge failed; trying again', fields);
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    }
  };
  const flush = async () => {
    while (queued.size > 0 && !stopped) {
      const keys = [...queued];
      queued.clear();
      for (const request of purgeRequests(config, keys)) await purge(request, keys);
    }
  };
  const kick = () => {
    if (running || stopped) return;
    running = flush().finally(() => {
      running = null;
      if (queued.size > 0) kick();
    });
  };

  return {
    consumer: {
      name: 'cache-purge',
      async handle(event) {
        for (const key of event.cacheKeys) queued.add(key);
        kick();
      },
    },
    drained: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      queued.clear();
    },
  };
}
