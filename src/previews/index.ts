import type { ApolloServerPlugin } from '@apollo/server';
import { BackgroundJob } from '../capability/background-job';
import { Capability } from '../capability/capability';
import { PreviewLinkService } from '../services/preview-link.service';
import { selectsPreview } from './selects-preview';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Preview links (CONTRACT.md "Previews"). Making, revoking and reading them is the API's
 * (src/resolvers/preview-link.resolver.ts, with its reader and service); what this capability
 * adds around them: `X-Robots-Tag: noindex` on every answer to an operation that asks for
 * `previewPost`, so a preview page that a search engine reaches is not indexed (its
 * `Cache-Control: private, no-store` and the absence of cache tags come from the schema's
 * `@cacheControl(scope: PRIVATE)` mark on the field, read by the response cache's one decision
 * of "public"), and an hourly job that removes links that open nothing any more.
 */
export function previews(deps: { previewLinks: PreviewLinkService }): Capability {
  const noindex: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ document, operation, response }) {
          if (document && operation && selectsPreview(document, operation)) {
            response.http.headers.set('x-robots-tag', 'noindex');
          }
        },
      };
    },
  };
  const prune: BackgroundJob = {
    name: 'preview links prune',
    everyMs: HOUR_MS,
    firstAfterMs: 60_000,
    run: () => deps.previewLinks.prune(),
    failing: 'could not remove expired preview links; trying again in an hour',
    recovered: 'removing expired preview links again',
  };
  return { name: 'previews', plugins: [noindex], jobs: [prune] };
}
