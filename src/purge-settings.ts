import { required } from './setting-values';

/** Where purges go (PURGE_TARGET and its settings; see README "Caching and CDNs"). */
export type PurgeConfig =
  | { kind: 'fastly'; serviceId: string; apiToken: string; apiUrl: string }
  | { kind: 'cloudflare'; zoneId: string; apiToken: string; apiUrl: string }
  /** A generic HTTP purge, e.g. Varnish with the xkey vmod: one request naming the keys in a header. */
  | { kind: 'http'; url: string; method: string; keysHeader: string };

/** PURGE_TARGET and the settings of the chosen target. */
export function purgeConfig(env: NodeJS.ProcessEnv): PurgeConfig | undefined {
  const target = env.PURGE_TARGET || undefined;
  switch (target) {
    case undefined:
      return undefined;
    case 'fastly':
      return {
        kind: 'fastly',
        serviceId: required(env, 'FASTLY_SERVICE_ID', target),
        apiToken: required(env, 'FASTLY_API_TOKEN', target),
        apiUrl: env.FASTLY_API_URL || 'https://api.fastly.com',
      };
    case 'cloudflare':
      return {
        kind: 'cloudflare',
        zoneId: required(env, 'CLOUDFLARE_ZONE_ID', target),
        apiToken: required(env, 'CLOUDFLARE_API_TOKEN', target),
        apiUrl: env.CLOUDFLARE_API_URL || 'https://api.cloudflare.com',
      };
    case 'http':
      return {
        kind: 'http',
        url: required(env, 'PURGE_URL', target),
        method: env.PURGE_METHOD || 'PURGE',
        keysHeader: (env.PURGE_KEYS_HEADER || 'xkey-purge').toLowerCase(),
      };
    default:
      throw new Error(`PURGE_TARGET must be fastly, cloudflare or http; got "${target}"`);
  }
}
