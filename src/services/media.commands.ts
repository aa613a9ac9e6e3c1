import { StoredImage } from './media-files';

/** Texts an editor gives an image: absent stays as it is, null or blank clears it. */
export interface MediaTexts {
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
}

/** An uploaded image, once its files are stored (POST /media). */
export interface NewMedia extends MediaTexts {
  fileName: string;
  mimeType: string;
  original: StoredImage;
  renditions: StoredImage[];
}

/** A change to an image's texts and focal point (`updateMedia`). */
export interface MediaChanges extends MediaTexts {
  focalPoint?: { x: number; y: number } | null;
}

/** The longest alt text, caption and credit, in characters (updateMedia and POST /media). */
export const MEDIA_TEXT_MAX = { alt: 1000, caption: 2000, credit: 300 } as const;
