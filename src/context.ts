import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { GraphQLError } from 'graphql';
import { Viewer } from './auth/viewer';
import { TokenService } from './auth/tokens';
import { Loaders, createLoaders } from './loaders';
import { AuthorService } from './services/author.service';
import { LoginService } from './services/login.service';
import { PostService } from './services/post.service';
import { CommentService } from './services/comment.service';
import { RelatedLinkService } from './services/related-link.service';
import { ErrorCode } from './errors/error-code';

/** The stateless services, made once per server. */
export interface Services {
  authors: AuthorService;
  posts: PostService;
  comments: CommentService;
  relatedLinks: RelatedLinkService;
  login: LoginService;
  tokens: TokenService;
}

/** What every resolver gets: who asks, this request's loaders, the services. */
export interface Context {
  viewer: Viewer | null;
  loaders: Loaders;
  db: DataSource;
  services: Services;
  /** The client's address as Express sees it (honouring TRUST_PROXY), for rate limits. */
  clientIp: string;
  /** POST_URL_TEMPLATE: where the front end shows a post. */
  postUrlTemplate: string;
}

/** Reads `Authorization: Bearer <token>`; null when there is none. */
function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/**
 * Builds the context of one request. A token that is present but bad or expired is
 * UNAUTHENTICATED (HTTP 401) rather than silently anonymous, so a client learns to sign in again.
 */
export function createContextFactory(deps: { db: DataSource; services: Services; postUrlTemplate: string }) {
  return async function createContext({ req }: { req: Request }): Promise<Context> {
    const token = bearerToken(req);
    let viewer: Viewer | null = null;
    if (token !== null) {
      viewer = token ? deps.services.tokens.verify(token) : null;
      if (!viewer) {
        throw new GraphQLError('The sign-in token is invalid or expired; sign in again.', {
          extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
        });
      }
    }
    return {
      viewer,
      loaders: createLoaders(deps.db),
      db: deps.db,
      services: deps.services,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      postUrlTemplate: deps.postUrlTemplate,
    };
  };
}
