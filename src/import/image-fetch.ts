import { ImageType, SNIFF_BYTES, imageTypeOf } from '../media/image/image-type';

/** An image server that does not answer within this is given up on (the image keeps its URL). */
const FETCH_TIMEOUT_MS = 30_000;

/** An image as fetched: its bytes and its type, recognised by its content. */
export interface FetchedImage {
  bytes: Buffer;
  type: ImageType;
}

/**
 * GETs one image of a post's body, at most `maxBytes` (MEDIA_MAX_BYTES, as uploads): refused by
 * its Content-Length when it says more, and cut off as soon as more arrives. Answers the image,
 * or why not (for the report). Only http and https URLs reach here (the sanitizer keeps no other
 * `<img src>`); the operator runs the import on their own export, so every address is fetched.
 */
export async function fetchImage(url: string, maxBytes: number): Promise<FetchedImage | { failed: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'image/*' } });
  } catch (error) {
    return { failed: `no answer (${error instanceof Error ? error.message : String(error)})` };
  }
  const tooLarge = { failed: `over MEDIA_MAX_BYTES (${maxBytes} bytes)` };
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { failed: `answered ${response.status}` };
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel();
    return tooLarge;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop early cancels the stream.
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) return tooLarge;
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    return { failed: `broke off (${error instanceof Error ? error.message : String(error)})` };
  }
  const bytes = Buffer.concat(chunks);
  const type = imageTypeOf(bytes.subarray(0, SNIFF_BYTES));
  return type ? { bytes, type } : { failed: 'not a JPEG, PNG, WebP, GIF or AVIF image' };
}
