import { ImageFormat } from '../domain/enums';
import { CropPlan } from './crop-geometry';

/** A file the media capability stored: its content-hashed key and what it holds. */
export interface StoredImage {
  key: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
}

/** What a crop is made from: the original and where its editor put the focal point. */
interface CropSource {
  storageKey: string;
  width: number;
  height: number;
  focalX: number | null;
  focalY: number | null;
}

/**
 * The media files as the write side needs them: made, stored and served by the media capability
 * (src/media: sharp, local files or S3), handed to the services at start. Declared here because
 * services sit below capabilities and may not import them.
 */
export interface MediaFiles {
  /** Cuts the plan's window out of the original, scales it to the plan's size, stores it in `format`. */
  makeCrop(source: CropSource, plan: CropPlan, format: ImageFormat): Promise<StoredImage>;
  /** Removes stored files; a missing one is no error. */
  remove(keys: string[]): Promise<void>;
  /** Where a stored file is served (MEDIA_PUBLIC_BASE_URL, PUBLIC_BASE_URL + /media, or the bucket). */
  urlOf(key: string): string;
}
