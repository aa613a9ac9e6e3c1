import { MediaConfig } from '../../media-config';
import { localStorage } from './local-storage';
import { MediaStorage } from './media-storage';
import { s3Storage } from './s3-storage';

/**
 * The storage MEDIA_STORAGE names. Local files are served at /media: their URLs start with
 * MEDIA_PUBLIC_BASE_URL, else PUBLIC_BASE_URL + /media, else the path alone. Never the
 * request's own Host: answers are cached by their body for everyone, and one client's Host
 * header must not end up in another's image URLs.
 */
export function createMediaStorage(media: MediaConfig, publicBaseUrl: string | undefined): MediaStorage {
  if (media.storage.kind === 's3') return s3Storage(media.storage, media.publicBaseUrl);
  const base = media.publicBaseUrl ?? `${(publicBaseUrl ?? '').replace(/\/+$/, '')}/media`;
  return localStorage(media.storage.dir, base);
}
