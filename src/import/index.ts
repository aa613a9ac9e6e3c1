import { DataSource } from 'typeorm';
import { Config } from '../config';
import { SitePaths } from '../domain/site-paths';
import { createMediaFiles } from '../media';
import { MIME_TYPES } from '../media/image/image-type';
import { MediaService } from '../services/media.service';
import { RedirectService } from '../services/redirect.service';
import { ImageLibrary } from './image-import';
import { ImportReport } from './import-report';
import { ImportOptions, runImport } from './run-import';

export type { ImportReport } from './import-report';
export { progressDisplay } from './progress-display';
export { reportText } from './report-text';

/** The importer of Blogger and WordPress exports (`npm run import`, src/cli/import.ts). */
export interface Importer {
  name: string;
  run(options: ImportOptions): Promise<ImportReport>;
}

/**
 * Imports from Blogger and WordPress (README "Moving from Blogger or WordPress"): a capability
 * that adds nothing to the server; the CLI runs it against the database of DATABASE_URL (or the
 * embedded one) with the server's settings, so redirects use its POST_URL_TEMPLATE and images go
 * to its media library. The formats' parsers are in ./formats; the writer knows no format.
 */
export function importer(deps: { db: DataSource; config: Config }): Importer {
  const { db, config } = deps;
  const paths = new SitePaths(config.postUrlTemplate, config.publicBaseUrl);
  const files = createMediaFiles(config);
  const media = new MediaService(db.manager, files, config.media);
  const library: ImageLibrary = {
    maxBytes: config.media.maxBytes,
    urlOf: (key) => files.urlOf(key),
    async store({ bytes, type, fileName }) {
      const stored = await files.storeUpload(bytes, type);
      const item = await media
        .createImported({ fileName, mimeType: MIME_TYPES[type], ...stored })
        .catch(async (error: unknown) => {
          await media.removeUnreferenced([stored.original, ...stored.renditions].map((image) => image.key));
          throw error;
        });
      return { mediaId: item.id, url: files.urlOf(item.storageKey) };
    },
  };
  return {
    name: 'import',
    run: (options) =>
      runImport(
        {
          db,
          paths,
          redirects: new RedirectService(db.manager, paths),
          // A dry run fetches and checks images, and stores none.
          images: options.dryRun ? { ...library, store: undefined } : library,
        },
        options,
      ),
  };
}
