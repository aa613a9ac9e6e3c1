import path from 'node:path';
import { atLeastOne } from './setting-values';

/** Where media files live: DATA_DIR/media on this machine, or an S3-compatible bucket. */
export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** Unset: AWS itself; set for any other S3-compatible service (MinIO, R2, Spaces, ...). */
      endpoint: string | undefined;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };

/** The media library's settings (MEDIA_* and S3_*; README "Media"), part of `Config`. */
export interface MediaConfig {
  storage: MediaStorageConfig;
  /** Where files are served from (a CDN); unset: PUBLIC_BASE_URL + /media locally, the bucket's URL on S3. */
  publicBaseUrl: string | undefined;
  /** The largest upload, in bytes, refused with 413 while it streams in. */
  maxBytes: number;
  /** The most pixels an image may have, read from its header before it is decoded. */
  maxPixels: number;
  /** Rendition widths, ascending. */
  widths: number[];
  /** The crop ratios `Media.crop` accepts, as written ("16:9"). */
  aspectRatios: string[];
  /** Images worked on at once (uploads and crops); more wait their turn. */
  concurrency: number;
  /** Uploads being received at once (MEDIA_UPLOADS_IN_FLIGHT); each may hold MEDIA_MAX_BYTES on disk until it is checked. */
  uploadsInFlight: number;
}

function widths(value: string | undefined): number[] {
  const list = (value || '320,640,960,1280,1920').split(',').map((part) => part.trim());
  const numbers = list.map((part) => atLeastOne('MEDIA_WIDTHS', part, 0));
  if (numbers.some((n) => n > 10000)) throw new Error('MEDIA_WIDTHS: each width must be at most 10000');
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function aspectRatios(value: string | undefined): string[] {
  const list = (value || '1:1,4:3,16:9').split(',').map((part) => part.trim());
  for (const ratio of list) {
    if (!/^[1-9]\d{0,2}:[1-9]\d{0,2}$/.test(ratio)) {
      throw new Error(`MEDIA_ASPECT_RATIOS: "${ratio}" is not a ratio such as 16:9`);
    }
  }
  return [...new Set(list)];
}

function httpUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^https?:\/\/[^/]/.test(value)) throw new Error(`${name} must be an http:// or https:// URL`);
  return value.replace(/\/+$/, '');
}

function storage(env: NodeJS.ProcessEnv, dataDir: string): MediaStorageConfig {
  const kind = env.MEDIA_STORAGE || 'local';
  if (kind === 'local') return { kind, dir: path.join(dataDir, 'media') };
  if (kind !== 's3') throw new Error(`MEDIA_STORAGE must be local or s3; got "${kind}"`);
  if (!env.S3_BUCKET) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET');
  return {
    kind,
    bucket: env.S3_BUCKET,
    endpoint: httpUrl('S3_ENDPOINT', env.S3_ENDPOINT),
    region: env.S3_REGION || 'us-east-1',
    // Unset: the SDK's own chain (environment, profile, instance role).
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: ['1', 'true', 'yes', 'on'].includes((env.S3_FORCE_PATH_STYLE ?? '').toLowerCase()),
  };
}

/** Reads the media settings; throws with a readable message when a value is unusable. */
export function loadMediaConfig(env: NodeJS.ProcessEnv, dataDir: string): MediaConfig {
  return {
    storage: storage(env, dataDir),
    publicBaseUrl: httpUrl('MEDIA_PUBLIC_BASE_URL', env.MEDIA_PUBLIC_BASE_URL),
    maxBytes: atLeastOne('MEDIA_MAX_BYTES', env.MEDIA_MAX_BYTES, 20 * 1024 * 1024),
    maxPixels: atLeastOne('MEDIA_MAX_PIXELS', env.MEDIA_MAX_PIXELS, 50_000_000),
    widths: widths(env.MEDIA_WIDTHS),
    aspectRatios: aspectRatios(env.MEDIA_ASPECT_RATIOS),
    concurrency: atLeastOne('MEDIA_CONCURRENCY', env.MEDIA_CONCURRENCY, 2),
    uploadsInFlight: atLeastOne('MEDIA_UPLOADS_IN_FLIGHT', env.MEDIA_UPLOADS_IN_FLIGHT, 8),
  };
}
