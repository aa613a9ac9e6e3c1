import compression from 'compression';
import { Capability } from '../capability/capability';
import { corsPolicy } from '../capability/cors';
import { Config } from '../config';
import { ContextBuilder } from '../context/context-factory';
import { factsOf } from '../context/request-facts';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { feedRoutes } from './feed-routes';

export interface FeedsDeps {
  contextFor: ContextBuilder;
  publicCacheControl: PublicCacheControl;
  config: Pick<Config, 'corsOrigin' | 'publicBaseUrl' | 'postUrlTemplate' | 'siteTitle' | 'siteLanguage'>;
}

/**
 * RSS, Atom and JSON Feed of the newest live posts (site, tag, author), sitemap.xml and the
 * Google News sitemap (feed-routes.ts): routes only, read as an anonymous reader, with the cache
 * headers and tags of GraphQL answers.
 */
export function feeds(deps: FeedsDeps): Capability {
  const { config } = deps;
  return {
    name: 'feeds and sitemaps',
    mount(app) {
      app.use(
        feedRoutes({
          // Per route, not for the whole app: an event stream must not be held back by compression.
          before: [corsPolicy(config.corsOrigin), compression({ threshold: 1024 })],
          // An anonymous reader's readers, noting the cache keys of what they read in the request's facts.
          readersFor: (res) => {
            const facts = factsOf(res);
            const { readers } = deps.contextFor(null, facts, 'feed');
            return { readers, cacheKeys: facts.cacheKeys! };
          },
          publicBaseUrl: config.publicBaseUrl,
          postUrlTemplate: config.postUrlTemplate,
          siteTitle: config.siteTitle,
          siteLanguage: config.siteLanguage,
          publicCacheControl: deps.publicCacheControl,
        }),
      );
    },
  };
}
