import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError, BadUserInputError } from '../errors/api-errors';
import { MEDIA_TEXT_MAX, MediaTexts } from '../services/media.commands';
import { SNIFF_BYTES } from './image/image-type';

/** What a multipart upload brought: the file (on disk, in `temporary`), its first bytes, its texts. */
export interface ReceivedUpload {
  file: string | null;
  fileName: string;
  head: Buffer;
  bytes: number;
  /** The file went over MEDIA_MAX_BYTES: the rest was read and dropped, not kept. */
  tooLarge: boolean;
  texts: MediaTexts;
}

const TEXT_FIELDS = Object.keys(MEDIA_TEXT_MAX) as Array<keyof typeof MEDIA_TEXT_MAX>;

/** A body this much over the file limit is not read to its end (the rest of the form is small). */
const BODY_SLACK_BYTES = 1024 * 1024;

/** The uploaded name without folders or control characters, at most 255 characters (for the library's search). */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'upload';
}

export function overLimit(maxBytes: number): BadUserInputError {
  const megabytes = Number((maxBytes / (1024 * 1024)).toFixed(1));
  return new BadUserInputError(`The file is over the limit of ${megabytes} MB.`, 'file', { status: 413 });
}

/**
 * Streams a multipart/form-data body (busboy): the field `file` to a temporary file, counting
 * its bytes and keeping its first ones to recognise its type, and the texts `alt`, `caption` and
 * `credit`. A file over `maxBytes` is cut off as it streams (nothing more is written); a body far
 * over it is refused without reading the rest. Every temporary file made is named in
 * `temporary`, for the caller to remove whatever happens.
 */
export function receiveUpload(
  req: Request,
  limits: { maxBytes: number; tempDir: string },
  temporary: string[],
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 },
      });
    } catch {
      const error = new BadUserInputError('Send multipart/form-data with the image in the field "file".', 'file', {
        status: 415,
      });
      return reject(error);
    }
    const received: ReceivedUpload = {
      file: null,
      fileName: '',
      head: Buffer.alloc(0),
      bytes: 0,
      tooLarge: false,
      texts: {},
    };
    let failure: ApiError | null = null;
    const files: Readable[] = [];
    const writes: Array<Promise<void>> = [];
    // Refused mid-body: the file being written is ended first, so the caller's removal of the
    // temporary files comes after its last write (not before a write stream that opens late).
    const abandon = (error: ApiError) => {
      for (const stream of files) stream.destroy();
      void Promise.allSettled(writes).then(() => reject(error));
    };
    let bodyBytes = 0;
    const onData = (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes <= limits.maxBytes + BODY_SLACK_BYTES) return;
      req.off('data', onData);
      req.unpipe(parser);
      abandon(overLimit(limits.maxBytes));
    };
    req.on('data', onData);

    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || received.file) return void stream.resume();
      const file = path.join(limits.tempDir, randomUUID());
      temporary.push(file);
      received.file = file;
      received.fileName = cleanFileName(info.filename);
      stream.on('data', (chunk: Buffer) => {
        if (received.head.length < SNIFF_BYTES) {
          received.head = Buffer.concat([received.head, chunk.subarray(0, SNIFF_BYTES - received.head.length)]);
        }
        received.bytes += chunk.length;
      });
      stream.on('limit', () => (received.tooLarge = true));
      files.push(stream);
      // Settled once the file is closed: a write stream destroyed before it opened still creates
      // the file when it opens, after pipeline has given up on it.
      const out = fs.createWriteStream(file);
      const closed = new Promise<void>((resolve) => out.once('close', resolve));
      writes.push(pipeline(stream, out).finally(() => closed));
    });
    parser.on('field', (name, value, info) => {
      const field = TEXT_FIELDS.find((candidate) => candidate === name);
      if (!field) return;
      if (info.valueTruncated || value.length > MEDIA_TEXT_MAX[field]) {
        failure ??= new BadUserInputError(`${field} is longer than ${MEDIA_TEXT_MAX[field]} characters.`, field);
      } else received.texts[field] = value;
    });
    const tooMany = () => (failure ??= new BadUserInputError('Send one file and the fields alt, caption and credit.'));
    parser.on('filesLimit', tooMany).on('fieldsLimit', tooMany).on('partsLimit', tooMany);
    parser.on('error', () => abandon(new BadUserInputError('The multipart body could not be read.', 'file')));
    parser.on('close', () => {
      Promise.all(writes).then(
        () => (failure ? reject(failure) : resolve(received)),
        () => reject(new BadUserInputError('The upload was interrupted.', 'file')),
      );
    });
    req.pipe(parser);
  });
}
