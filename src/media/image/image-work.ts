import { createHash } from 'node:crypto';
import sharp, { Sharp } from 'sharp';
import { ImageFormat } from '../../domain/enums';
import { BadUserInputError } from '../../errors/api-errors';
import { CropPlan } from '../../services/crop-geometry';
import { ImageType } from './image-type';

// No operation cache: it would hold decoded images (and deleted upload files) after each job.
sharp.cache(false);

/** A file made by sharp, named by its content (a stored file never changes). */
export interface EncodedImage {
  key: string;
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
}

const OUTPUT: Record<ImageFormat, { extension: string; contentType: string; encode: (image: Sharp) => Sharp }> = {
  JPEG: { extension: 'jpg', contentType: 'image/jpeg', encode: (i) => i.jpeg({ quality: 85, progressive: true }) },
  PNG: { extension: 'png', contentType: 'image/png', encode: (i) => i.png() },
  WEBP: { extension: 'webp', contentType: 'image/webp', encode: (i) => i.webp({ quality: 80 }) },
  // effort 2 of 9: AVIF is slow to encode, and uploads wait for it.
  AVIF: { extension: 'avif', contentType: 'image/avif', encode: (i) => i.avif({ quality: 55, effort: 2 }) },
};

/** The formats of an upload's renditions: WebP, AVIF and the original's own (JPEG for GIF stills). */
export function renditionFormats(type: ImageType): ImageFormat[] {
  const own = { jpeg: ImageFormat.JPEG, png: ImageFormat.PNG, gif: ImageFormat.JPEG, webp: null, avif: null }[type];
  return [ImageFormat.WEBP, ImageFormat.AVIF, ...(own ? [own] : [])];
}

const unreadable = () =>
  new BadUserInputError('The image could not be read: it is damaged or truncated.', 'file', { status: 400 });

async function encoded(image: Sharp, format: ImageFormat, keySuffix: string): Promise<EncodedImage> {
  const output = OUTPUT[format];
  const { data, info } = await output.encode(image).toBuffer({ resolveWithObject: true });
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
  return {
    key: `${hash}${keySuffix}.${output.extension}`,
    data,
    contentType: output.contentType,
    width: info.width,
    height: info.height,
    format,
    bytes: data.length,
  };
}

/**
 * Reads the image's size from its header, without decoding it (a decompression bomb is a few
 * kilobytes that decode to gigabytes): over `maxPixels` is refused before any pixel is touched.
 */
export async function checkDimensions(file: string | Buffer, maxPixels: number): Promise<void> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file, { limitInputPixels: false }).metadata());
  } catch {
    throw unreadable();
  }
  if (!width || !height) throw unreadable();
  if (width * height > maxPixels) {
    throw new BadUserInputError(
      `The image is ${width} x ${height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are accepted.`,
      'file',
      { status: 400 },
    );
  }
}

/** The original as stored: upright (by its EXIF orientation), without its metadata (EXIF, GPS, camera). */
export async function storedOriginal(file: string | Buffer, type: ImageType, maxPixels: number): Promise<EncodedImage> {
  // failOn 'truncated': a cut-off upload is refused, harmless libjpeg warnings of real cameras are not.
  const image = sharp(file, { limitInputPixels: maxPixels, failOn: 'truncated' }).rotate();
  try {
    if (type === 'gif') {
      const { data, info } = await image.gif().toBuffer({ resolveWithObject: true });
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
      const common = { data, width: info.width, height: info.height, bytes: data.length };
      return { ...common, key: `${hash}.gif`, contentType: 'image/gif', format: ImageFormat.JPEG };
    }
    const format = { jpeg: ImageFormat.JPEG, png: ImageFormat.PNG, webp: ImageFormat.WEBP, avif: ImageFormat.AVIF }[
      type
    ];
    return await encoded(image, format, '');
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    throw unreadable();
  }
}

/** The widths of an image's renditions: MEDIA_WIDTHS below its own, or its own alone when it is narrower than all. */
function renditionWidths(width: number, widths: number[]): number[] {
  const below = widths.filter((step) => step < width);
  return below.length > 0 ? below : [width];
}

/** Every rendition of a stored original, each width in each of `formats`; never upscaled. */
export async function renditionsOf(original: EncodedImage, formats: ImageFormat[], widths: number[]) {
  const made: EncodedImage[] = [];
  for (const width of renditionWidths(original.width, widths)) {
    const resized = sharp(original.data).resize({ width, withoutEnlargement: true });
    for (const format of formats) {
      // JPEG has no transparency: what was transparent becomes white, not black.
      const image = format === ImageFormat.JPEG ? resized.clone().flatten({ background: '#ffffff' }) : resized.clone();
      made.push(await encoded(image, format, `-${width}`));
    }
  }
  return made;
}

/** A crop: the plan's window of the stored original, scaled to the plan's size. */
export function cropOf(original: Buffer, plan: CropPlan, format: ImageFormat): Promise<EncodedImage> {
  let image = sharp(original).extract(plan.region).resize({ width: plan.width, height: plan.height, fit: 'fill' });
  if (format === ImageFormat.JPEG) image = image.flatten({ background: '#ffffff' });
  return encoded(image, format, `-${plan.aspectRatio.replace(':', 'x')}-${plan.width}`);
}
