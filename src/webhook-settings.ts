import { bool } from './setting-values';

/**
 * The WEBHOOK_* settings (README "Webhooks"), parsed once at start; config.ts holds them under
 * `webhooks`. Their own file so the settings of one capability do not crowd config.ts.
 */
export interface WebhookSettings {
  /** A 2xx answer within this is a success; anything slower is a failed attempt. */
  timeoutMs: number;
  /** Waits before each retry, after the attempt before it; past the last, a delivery is FAILED. */
  retryScheduleMs: number[];
  /** An endpoint whose deliveries have all failed for this long is disabled. */
  disableAfterMs: number;
  /** Whether loopback, private, link-local and multicast addresses may be connected to. */
  allowPrivateNetworks: boolean;
  /** Finished deliveries kept per endpoint (newest first); older ones are removed. */
  deliveriesKept: number;
  /** Endpoints that may be registered at once. */
  maxEndpoints: number;
}

/** CONTRACT.md "Webhooks": 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the previous attempt. */
const DEFAULT_RETRY_SCHEDULE = '5,300,1800,7200,18000,36000,36000';

/** A non-negative number; fractions are allowed (tests retry within a second). */
function amount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${value}"`);
  return n;
}

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  const n = amount(name, value, fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${value}"`);
  return n;
}

/** Seconds, comma-separated ("5,300,1800"); empty parts are refused, an empty list means no retries. */
function retrySchedule(value: string | undefined): number[] {
  const text = value ?? DEFAULT_RETRY_SCHEDULE;
  if (text.trim() === '') return [];
  return text.split(',').map((part) => Math.round(amount('WEBHOOK_RETRY_SCHEDULE', part || 'x', 0) * 1000));
}

export function loadWebhookSettings(env: NodeJS.ProcessEnv, production: boolean): WebhookSettings {
  return {
    timeoutMs: count('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 1),
    retryScheduleMs: retrySchedule(env.WEBHOOK_RETRY_SCHEDULE),
    disableAfterMs: amount('WEBHOOK_DISABLE_AFTER_HOURS', env.WEBHOOK_DISABLE_AFTER_HOURS, 120) * 3_600_000,
    // Outside production the receivers are usually on this machine or the office network.
    allowPrivateNetworks: bool(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS, !production),
    deliveriesKept: count('WEBHOOK_DELIVERIES_KEPT', env.WEBHOOK_DELIVERIES_KEPT, 1000, 1),
    maxEndpoints: count('WEBHOOK_MAX_ENDPOINTS', env.WEBHOOK_MAX_ENDPOINTS, 50, 1),
  };
}
