import fs from 'node:fs';
import path from 'node:path';
import cors from 'cors';
import { bearerToken } from '../auth/bearer-token';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { ContextBuilder } from '../context/context-factory';
import { factsOf } from '../context/request-facts';
import { UnauthenticatedError } from '../errors/api-errors';
import { Services } from '../services';
import { methodNotAllowed } from './http-answers';
import { MediaLibraryFiles, mediaFiles } from './media-files';
import { mediaJson } from './media-json';
import { createMediaStorage } from './storage';
import { uploadRoute } from './upload-route';

export { demoCoverMaker } from './demo-covers';

/** The media files of a server: its storage (MEDIA_STORAGE) and its bounded image work, made before the services. */
export function createMediaFiles(config: Pick<Config, 'media' | 'publicBaseUrl'>): MediaLibraryFiles {
  return mediaFiles(createMediaStorage(config.media, config.publicBaseUrl), config.media);
}

/**
 * The media library's HTTP side: POST /media (uploads), and with local storage the files at
 * /media/<key>. Its GraphQL side (Query.media, mediaLibrary, updateMedia, deleteMedia, crops,
 * Post.cover) is in the resolvers, over the media reader and service. A stop waits for the
 * image work that has started.
 */
export function mediaLibrary(deps: {
  files: MediaLibraryFiles;
  services: Services;
  sessions: SessionAuthenticator;
  contextFor: ContextBuilder;
  config: Pick<Config, 'media' | 'dataDir' | 'corsOrigin'>;
}): Capability {
  const { files, services, config } = deps;
  // Uploads stream here before they are checked; what a crash left behind (older than an hour,
  // longer than any upload takes) is removed at start, not what another process on this
  // DATA_DIR is receiving now.
  const tempDir = path.join(config.dataDir, 'media-uploads');
  fs.mkdirSync(tempDir, { recursive: true });
  for (const entry of fs.readdirSync(tempDir)) {
    const file = path.join(tempDir, entry);
    if (fs.statSync(file).mtimeMs < Date.now() - 60 * 60 * 1000) fs.rmSync(file, { force: true });
  }
  const upload = uploadRoute({
    maxBytes: config.media.maxBytes,
    maxInFlight: config.media.uploadsInFlight,
    tempDir,
    async authenticate(req) {
      const token = bearerToken(req.headers);
      if (token === null)
        throw new UnauthenticatedError('Sign in to upload: send Authorization: Bearer <token>.', { status: 401 });
      return (await deps.sessions.authenticate(token, factsOf(req.res!).requestId)).viewer;
    },
    async store(viewer, received, req) {
      const stored = await files.storeUpload(received.file, received.type);
      const media = await services.media
        .create(viewer, { ...received.texts, fileName: received.fileName, mimeType: received.mimeType, ...stored })
        .catch(async (error: unknown) => {
          await services.media.removeUnreferenced([stored.original, ...stored.renditions].map((image) => image.key));
          throw error;
        });
      const { readers } = deps.contextFor(viewer, factsOf(req.res!), req.ip ?? 'unknown');
      return mediaJson(readers, media);
    },
  });
  return {
    name: 'media library',
    mount(app) {
      app.use('/media', cors({ origin: config.corsOrigin }));
      app.all('/media', (req, res, next) => {
        if (req.method === 'POST') return upload(req, res, next);
        methodNotAllowed(res, req.method, ['POST']);
      });
      files.mount?.(app);
    },
    stop: () => files.idle(),
  };
}
