import { MediaConfig } from '../media-config';
import { MediaFiles, StoredImage } from '../services/media-files';
import { ImageType } from './image/image-type';
import {
  EncodedImage,
  checkDimensions,
  cropOf,
  renditionFormats,
  renditionsOf,
  storedOriginal,
} from './image/image-work';
import { MediaStorage } from './storage/media-storage';
import { WorkQueue } from './work-queue';

/** An upload's files, made and stored: the original and its renditions. */
interface StoredUpload {
  original: StoredImage;
  renditions: StoredImage[];
}

/** The media files the services use, plus what uploads need: making and storing an upload's files. */
export interface MediaLibraryFiles extends MediaFiles {
  /** Checks, strips, turns upright and renders an uploaded file (a path, or its bytes), then stores it all (nothing when it fails). */
  storeUpload(file: string | Buffer, type: ImageType): Promise<StoredUpload>;
  /** Resolves once no image work runs or waits. */
  idle(): Promise<void>;
  /** Serves the files from this server when they live here (local storage). */
  mount?: MediaStorage['mount'];
}

const stored = ({ key, width, height, format, bytes }: EncodedImage): StoredImage => ({
  key,
  width,
  height,
  format,
  bytes,
});

/** Image work through one bounded queue (MEDIA_CONCURRENCY), files through `storage`. */
export function mediaFiles(storage: MediaStorage, config: MediaConfig): MediaLibraryFiles {
  const queue = new WorkQueue(config.concurrency);

  /** Puts every file or none: a failure removes what was already put. */
  async function putAll(images: EncodedImage[]): Promise<void> {
    const done: string[] = [];
    try {
      for (const image of images) {
        await storage.put(image.key, image.data, image.contentType);
        done.push(image.key);
      }
    } catch (error) {
      await storage.remove(done).catch(() => undefined);
      throw error;
    }
  }

  return {
    async storeUpload(file, type) {
      const { original, renditions } = await queue.run(async () => {
        await checkDimensions(file, config.maxPixels);
        const original = await storedOriginal(file, type, config.maxPixels);
        return { original, renditions: await renditionsOf(original, renditionFormats(type), config.widths) };
      });
      await putAll([original, ...renditions]);
      return { original: stored(original), renditions: renditions.map(stored) };
    },
    async makeCrop(source, plan, format) {
      const original = await storage.get(source.storageKey);
      const crop = await queue.run(() => cropOf(original, plan, format));
      await putAll([crop]);
      return stored(crop);
    },
    remove: (keys) => storage.remove(keys),
    urlOf: (key) => storage.urlOf(key),
    idle: () => queue.idle(),
    mount: storage.mount?.bind(storage),
  };
}
