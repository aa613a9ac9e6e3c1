import { PurgeConfig } from '../config';

/** One purge request: what to send where. */
export interface PurgeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Keys per request: Cloudflare takes at most 30 tags per call, Fastly 256 keys. */
const BATCH = { fastly: 256, cloudflare: 30, http: 100 } as const;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The requests that purge `keys` from the configured target. */
export function purgeRequests(config: PurgeConfig, keys: string[]): PurgeRequest[] {
  return chunks(keys, BATCH[config.kind]).map((batch): PurgeRequest => {
    switch (config.kind) {
      case 'fastly':
        // https://www.fastly.com/documentation/reference/api/purging/#bulk-purge-tag
        return {
          url: `${config.apiUrl}/service/${encodeURIComponent(config.serviceId)}/purge`,
          method: 'POST',
          headers: { 'fastly-key': config.apiToken, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ surrogate_keys: batch }),
        };
      case 'cloudflare':
        // https://developers.cloudflare.com/api/resources/cache/methods/purge/ (purge by tag)
        return {
          url: `${config.apiUrl}/client/v4/zones/${encodeURIComponent(config.zoneId)}/purge_cache`,
          method: 'POST',
          headers: { authorization: `Bearer ${config.apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: batch }),
        };
      case 'http':
        return { url: config.url, method: config.method, headers: { [config.keysHeader]: batch.join(' ') } };
    }
  });
}
