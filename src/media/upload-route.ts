import fs from 'node:fs/promises';
import type { Request, RequestHandler } from 'express';
import { Viewer } from '../auth/viewer';
import { ApiError, BadUserInputError, RateLimitedError } from '../errors/api-errors';
import { sendError } from './http-answers';
import { ImageType, MIME_TYPES, imageTypeOf } from './image/image-type';
import { ReceivedUpload, overLimit, receiveUpload } from './multipart-upload';

/** What a client refused for too many uploads at once is told to wait. */
const UPLOAD_RETRY_SECONDS = 5;

/** An upload that passed every check that needs no decoding: a file of a known image type. */
interface AcceptedUpload extends ReceivedUpload {
  file: string;
  type: ImageType;
  mimeType: string;
}

export interface UploadRouteDeps {
  maxBytes: number;
  /** Uploads received at once (MEDIA_UPLOADS_IN_FLIGHT): with maxBytes, what temporary files may hold. */
  maxInFlight: number;
  /** Where uploads stream to before they are checked (removed after each request). */
  tempDir: string;
  /** The signed-in author of the request's bearer token; UNAUTHENTICATED (401) otherwise. */
  authenticate(req: Request): Promise<Viewer>;
  /** Decodes, stores and records the upload; what it returns is answered as `{"data": {"media": ...}}`. */
  store(viewer: Viewer, upload: AcceptedUpload, req: Request): Promise<unknown>;
}

/**
 * POST /media (CONTRACT.md "Media"): a signed-in author's image, multipart, in the field `file`.
 * Refused before anything is decoded: no token (401), not multipart or not one of the image
 * types by its content (415), over MEDIA_MAX_BYTES while it streams (413), no file or an empty
 * one (400); then over MEDIA_MAX_PIXELS by its header, or unreadable (400). A refusal stores
 * nothing: the temporary file goes whatever happens, and stored files go when the row fails.
 */
export function uploadRoute(deps: UploadRouteDeps): RequestHandler {
  let inFlight = 0;
  return async (req, res, next) => {
    if (inFlight >= deps.maxInFlight) {
      // Refused before a byte of the body is read: what uploads hold on disk stays bounded.
      res.set('connection', 'close').set('retry-after', String(UPLOAD_RETRY_SECONDS));
      sendError(
        res,
        new RateLimitedError('Too many uploads are being received.', UPLOAD_RETRY_SECONDS, { status: 429 }),
      );
      return;
    }
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    const temporary: string[] = [];
    // Removed before the answer goes out: once a client has it, nothing of the upload is left over.
    const cleanUp = () => Promise.all(temporary.map((file) => fs.rm(file, { force: true })));
    try {
      const viewer = await deps.authenticate(req);
      const received = await receiveUpload(req, deps, temporary);
      if (received.tooLarge) throw overLimit(deps.maxBytes);
      if (!received.file) throw new BadUserInputError('Send the image in the multipart field "file".', 'file');
      if (received.bytes === 0) throw new BadUserInputError('The file is empty.', 'file');
      const type = imageTypeOf(received.head);
      if (!type) {
        throw new BadUserInputError(
          'Only JPEG, PNG, WebP, GIF and AVIF images are accepted, recognised by their content.',
          'file',
          { status: 415 },
        );
      }
      const upload = { ...received, file: received.file, type, mimeType: MIME_TYPES[type] };
      const media = await deps.store(viewer, upload, req);
      await cleanUp();
      res.status(201).json({ data: { media } });
    } catch (error) {
      await cleanUp().catch(() => undefined);
      if (!(error instanceof ApiError)) return next(error);
      // A refusal before the body was read: do not keep the connection for the rest of it.
      if (!req.complete) res.set('connection', 'close');
      sendError(res, error);
    }
  };
}
