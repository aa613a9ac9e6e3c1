import { DataSource } from 'typeorm';
import { TokenService } from '../auth/tokens';
import { Config } from '../config';
import { SitePaths } from '../domain/site-paths';
import { createMediaFiles } from '../media';
import { createServices } from '../services';
import { SharedState } from './shared-state';

/**
 * The write side with what its rules read from the settings: the services (with their rate
 * limiters, shared through Redis or not), the public site's paths (slug history, resolveUrl) and
 * the media library's files (the media capability's storage, which the services write through).
 */
export function wireDomain(deps: { config: Config; db: DataSource; tokens: TokenService; shared: SharedState }) {
  const { config } = deps;
  const sitePaths = new SitePaths(config.postUrlTemplate, config.publicBaseUrl);
  const mediaFiles = createMediaFiles(config);
  const services = createServices({
    db: deps.db.manager,
    tokens: deps.tokens,
    sitePaths,
    media: { files: mediaFiles, ...config.media },
    ...deps.shared.serviceLimiters(),
    previewLinks: {
      urlTemplate: config.previewUrlTemplate,
      publicBaseUrl: config.publicBaseUrl,
      linksPerPost: config.previewLinksPerPost,
    },
    webhookRules: config.webhooks,
  });
  return { services, sitePaths, mediaFiles };
}
