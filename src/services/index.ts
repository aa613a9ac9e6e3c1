import { EntityManager } from 'typeorm';
import { TokenService } from '../auth/tokens';
import { RateLimiter } from '../limits/rate-limiter';
import { AuthorService } from './author.service';
import { CommentService } from './comment.service';
import { LoginLimiters, LoginService } from './login.service';
import { PostService } from './post.service';
import { PreviewLinkSettings } from './preview-link.commands';
import { PreviewLinkService } from './preview-link.service';
import { RelatedLinkService } from './related-link.service';

/** The write side: stateless services, made once per server (or per seeding transaction). */
export interface Services {
  authors: AuthorService;
  posts: PostService;
  comments: CommentService;
  relatedLinks: RelatedLinkService;
  login: LoginService;
  previewLinks: PreviewLinkService;
}

export interface ServiceDeps {
  /** The pool's manager, or a transaction's: services open their transactions inside it. */
  db: EntityManager;
  tokens: TokenService;
  /** Anonymous comments per client IP. */
  commentLimiter: RateLimiter;
  loginLimiters: LoginLimiters;
  previewLinks: PreviewLinkSettings;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    authors: new AuthorService(deps.db),
    posts: new PostService(deps.db),
    comments: new CommentService(deps.db, deps.commentLimiter),
    relatedLinks: new RelatedLinkService(deps.db),
    login: new LoginService(deps.db, deps.tokens, deps.loginLimiters),
    previewLinks: new PreviewLinkService(deps.db, deps.previewLinks),
  };
}
