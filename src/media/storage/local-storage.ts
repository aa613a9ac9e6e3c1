import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import send from 'send';
import { NotFoundError } from '../../errors/api-errors';
import { methodNotAllowed, sendError } from '../http-answers';
import { MediaStorage, STORAGE_KEY } from './media-storage';

/**
 * Files under `dir` (DATA_DIR/media), two levels of folders by hash so no folder grows huge,
 * served at /media/<key> by `send` (Range, ETag, If-Modified-Since, HEAD) with a year's
 * immutable caching. Writes go to a temporary name and are renamed, so a reader never meets
 * half a file.
 */
export function localStorage(dir: string, baseUrl: string): MediaStorage {
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    async put(key, data) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.partial`;
      await fs.writeFile(temporary, data);
      await fs.rename(temporary, file);
    },
    get: (key) => fs.readFile(fileOf(key)),
    async remove(keys) {
      await Promise.all(keys.map((key) => fs.rm(fileOf(key), { force: true })));
    },
    urlOf: (key) => `${baseUrl}/${key}`,
    mount(app: Express) {
      app.all('/media/*file', (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, req.method, ['GET', 'HEAD']);
        const key = path.basename(req.path);
        if (!STORAGE_KEY.test(key) || req.path !== `/media/${key}`)
          return sendError(res, new NotFoundError('File'), 404);
        send(req, `${key.slice(0, 2)}/${key}`, {
          root: dir,
          index: false,
          dotfiles: 'deny',
          maxAge: '1y',
          immutable: true,
        })
          .on('headers', (response) => {
            response.setHeader('x-content-type-options', 'nosniff');
            // An image is never a page: nothing in it may run, whatever a browser makes of it.
            response.setHeader('content-security-policy', "default-src 'none'; sandbox");
          })
          .on('error', (error: { status?: number }) => {
            if (error.status === 404) sendError(res, new NotFoundError('File'), 404);
            else next(error);
          })
          .pipe(res);
      });
    },
  };
}
