import type { Request, RequestHandler } from 'express';
import { RuruClientConfig, ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import { Capability } from '../capability/capability';

/** Where Ruru's scripts, styles and workers are served from; the page asks for nothing else. */
export const IDE_ASSETS_PATH = '/graphql/ide/';

const DEFAULT_QUERY = `# Queries and mutations go over HTTP, subscriptions over this server's WebSocket.
# To sign in, run the signIn mutation, then add a header below:
#   { "Authorization": "Bearer <token>" }
# It goes with every operation, and in connection_init for subscriptions.
{
  featuredPosts(limit: 3) {
    title
    slug
  }
}
`;

/**
 * The offline IDE (GRAPHQL_IDE=offline): Ruru, a GraphiQL distribution, whose page and every
 * asset come from the npm package on this server, so it works where Apollo Sandbox, loaded from
 * Apollo's CDN, shows a blank page (no internet, a proxy that blocks it). GET /graphql from a
 * browser (it prefers text/html) gets the page; GraphQL clients' GETs fall through to Apollo,
 * whose own landing page is disabled then (src/server/apollo.ts). The page talks to the
 * relative /graphql, and subscribes over ws(s)://<the page's host>/graphql with graphql-ws,
 * sending the headers typed into its editor as connection_init's payload, which is where the
 * WebSocket reads `authorization` (src/live/subscription-server.ts).
 */
export function offlineIde(): Capability {
  // Rendered once: the page is the same for everyone (its config has no host in it).
  const page = ruruHTML({
    endpoint: '/graphql',
    staticPath: IDE_ASSETS_PATH,
    // ruru-types marks every GraphiQL prop required; the page's script treats them as optional.
    clientConfig: {
      defaultQuery: DEFAULT_QUERY,
      isHeadersEditorEnabled: true,
    } as Partial<RuruClientConfig> as RuruClientConfig,
    htmlParts: { titleTag: '<title>Broadsheet GraphQL IDE</title>' },
  });
  const servePage: RequestHandler = (request, response, next) => {
    if (!prefersHtml(request)) return next();
    response.set('Cache-Control', 'no-cache').type('html').send(page);
  };
  // Brotli-compressed in the package, with ETags; decompressed for a client that lacks br.
  const assets = serveStatic(IDE_ASSETS_PATH);
  return {
    name: 'offline IDE',
    mount(app) {
      app.get('/graphql', servePage);
      // A file it does not have is a 404 here, not a request for Apollo under /graphql.
      app.get(`${IDE_ASSETS_PATH}*file`, (request, response, next) =>
        assets(request, response, (error) => (error ? next(error) : response.status(404).end())),
      );
    },
  };
}

/** A browser's navigation, as Apollo decides for its landing page; fetch's `*\/*` is not one. */
function prefersHtml(request: Request): boolean {
  return request.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}
