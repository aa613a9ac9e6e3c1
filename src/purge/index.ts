import { Capability } from '../capability/capability';
import { PurgeConfig } from '../config';
import { Logger } from '../logger';
import { startPurger } from './cache-purge.consumer';

/** How long a stopping server keeps sending the purges it has queued. */
const DRAIN_ON_STOP_MS = 5000;

/**
 * CDN purges (PURGE_TARGET): hears every event's cache keys and sends them to Fastly, Cloudflare
 * or an HTTP PURGE endpoint, queued so a slow CDN never holds the dispatcher. Without a target it
 * contributes nothing.
 */
export function cachePurges(config: PurgeConfig | undefined, logger: Logger): Capability {
  if (!config) return { name: 'cache purges' };
  const purger = startPurger(config, logger);
  return {
    name: 'cache purges',
    consumers: [purger.consumer],
    // Runs after the dispatcher has stopped: it has moved past the queued keys, so send them before going (within reason).
    stop: async () => {
      await Promise.race([purger.drained(), new Promise((resolve) => setTimeout(resolve, DRAIN_ON_STOP_MS))]);
      purger.stop();
    },
  };
}
