import type { Express } from 'express';

/**
 * Where media files live, behind one small interface: local files under DATA_DIR/media
 * (local-storage.ts) or an S3-compatible bucket (s3-storage.ts). Keys are content hashes, so a
 * file once written never changes and is cached for a year.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Removes files; a missing one is no error. */
  remove(keys: string[]): Promise<void>;
  /** The public URL of a file. */
  urlOf(key: string): string;
  /** Serves the files from this server when they live here (local storage only). */
  mount?(app: Express): void;
}

/** Every stored file is named by its content: it can be cached forever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What a key may look like (what image-work.ts makes): no path separators, no dot files. */
export const STORAGE_KEY = /^[0-9a-f]{32}(-[0-9x]+)*\.(jpg|png|webp|gif|avif)$/;
