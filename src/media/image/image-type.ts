/** The image types the library accepts (CONTRACT.md "Media"), as recognised from their first bytes. */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

export const MIME_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** How many leading bytes `imageTypeOf` needs. */
export const SNIFF_BYTES = 64;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
const ascii = (head: Buffer, start: number, end: number) => head.subarray(start, end).toString('latin1');

/** AVIF is an ISO-BMFF file whose `ftyp` box names `avif` (still) or `avis` (sequence) as a brand. */
function isAvif(head: Buffer): boolean {
  if (ascii(head, 4, 8) !== 'ftyp') return false;
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/**
 * The type of an image from its content, by the signatures of each format, never from its name
 * or declared type; null for anything else (an SVG, a PDF, a script, HEIC photos).
 */
export function imageTypeOf(head: Buffer): ImageType | null {
  if (head.length < 12) return null;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(head)) return 'avif';
  return null;
}
