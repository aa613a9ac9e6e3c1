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

/**
 * The dispatcher's consumer that purges CDN caches: each event's cache keys go to the purge
 * target (Fastly, Cloudflare, or an HTTP PURGE such as Varnish's xkey). A failed purge is retried
 * three times over about four seconds, with a log line per failure; after that it is given up
 * (the answers it would have dropped expire by their max-age) so one bad target cannot hold up
 * every later purge.
 */
export function cachePurgeConsumer(
  config: PurgeConfig,
  log: PurgeLog,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): EventConsumer {
  return {
    name: 'cache-purge',
    async handle(event) {
      if (event.cacheKeys.length === 0) return;
      for (const request of purgeRequests(config, event.cacheKeys)) {
        for (let attempt = 0; ; attempt += 1) {
          try {
            await send(request);
            break;
          } catch (error) {
            const fields = { seq: event.seq, type: event.type, keys: event.cacheKeys, attempt: attempt + 1 };
            const cause = error instanceof Error ? error.message : String(error);
            if (attempt >= RETRY_DELAYS_MS.length) {
              log.error('purge failed; giving up (cached answers expire by their max-age)', undefined, {
                ...fields,
                cause,
              });
              break;
            }
            log.warn('purge failed; trying again', { ...fields, cause });
            await sleep(RETRY_DELAYS_MS[attempt]);
          }
        }
      }
    },
  };
}
