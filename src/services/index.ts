import { EntityManager } from 'typeorm';
import { TokenService } from '../auth/tokens';
import { SitePaths } from '../domain/site-paths';
import { RateLimiter } from '../limits/rate-limiter';
import { AuthorService } from './author.service';
import { CommentService } from './comment.service';
import { LoginLimiters, LoginService } from './login.service';
import { MediaFiles } from './media-files';
import { MediaService } from './media.service';
import { PostService } from './post.service';
import { PreviewLinkSettings } from './preview-link.commands';
import { PreviewLinkService } from './preview-link.service';
import { RedirectService } from './redirect.service';
import { RelatedLinkService } from './related-link.service';
import { WebhookRules } from './webhook.commands';
import { WebhookService } from './webhook.service';

/** The write side: stateless services, made once per server (or per seeding transaction). */
export interface Services {
  authors: AuthorService;
  posts: PostService;
  comments: CommentService;
  relatedLinks: RelatedLinkService;
  redirects: RedirectService;
  login: LoginService;
  previewLinks: PreviewLinkService;
  media: MediaService;
  webhooks: WebhookService;
}

export interface ServiceDeps {
  /** The pool's manager, or a transaction's: services open their transactions inside it. */
  db: EntityManager;
  tokens: TokenService;
  /** Anonymous comments per client IP. */
  commentLimiter: RateLimiter;
  loginLimiters: LoginLimiters;
  previewLinks: PreviewLinkSettings;
  /** The public site's paths: where a post is shown (slug history), which URLs are the site's. */
  sitePaths: SitePaths;
  /** The media capability's files (src/media), and the widths and ratios crops snap to. */
  media: { files: MediaFiles; widths: number[]; aspectRatios: string[] };
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS and WEBHOOK_MAX_ENDPOINTS, for createWebhook and updateWebhook. */
  webhookRules: WebhookRules;
}

export function createServices(deps: ServiceDeps): Services {
  const redirects = new RedirectService(deps.db, deps.sitePaths);
  return {
    authors: new AuthorService(deps.db),
    posts: new PostService(deps.db, redirects),
    comments: new CommentService(deps.db, deps.commentLimiter),
    relatedLinks: new RelatedLinkService(deps.db),
    redirects,
    login: new LoginService(deps.db, deps.tokens, deps.loginLimiters),
    previewLinks: new PreviewLinkService(deps.db, deps.previewLinks),
    media: new MediaService(deps.db, deps.media.files, deps.media),
    webhooks: new WebhookService(deps.db, deps.webhookRules),
  };
}
