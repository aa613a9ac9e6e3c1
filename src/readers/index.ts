import { Viewer } from '../auth/viewer';
import { Queryable } from '../db/queryable';
import { SitePaths } from '../domain/site-paths';
import { createLoaders } from '../loaders';
import { AuthorReader } from './author.reader';
import { CommentReader } from './comment.reader';
import { MediaReader } from './media.reader';
import { PostReader } from './post.reader';
import { PreviewReader } from './preview.reader';
import { RedirectReader } from './redirect.reader';
import { RelatedLinkReader } from './related-link.reader';
import { RevisionReader } from './revision.reader';
import { WebhookReader } from './webhook.reader';

export interface Readers {
  posts: PostReader;
  comments: CommentReader;
  relatedLinks: RelatedLinkReader;
  authors: AuthorReader;
  revisions: RevisionReader;
  previews: PreviewReader;
  redirects: RedirectReader;
  media: MediaReader;
  webhooks: WebhookReader;
}

/** One reader per domain for one request, over that request's DataLoaders, bound to who asks. */
export function createReaders(deps: {
  db: Queryable;
  viewer: () => Viewer | null;
  postUrlTemplate: string;
  /** The public site's paths, for resolveUrl. */
  sitePaths: SitePaths;
  /** Where a stored media file is served (src/media). */
  mediaUrl: (key: string) => string;
  /** Where the readers note the cache keys of what they read; a new set when omitted. */
  cacheKeys?: Set<string>;
}): Readers {
  const scope = {
    db: deps.db,
    loaders: createLoaders(deps.db),
    viewer: deps.viewer,
    cacheKeys: deps.cacheKeys ?? new Set<string>(),
    openedByPreview: new Map(),
  };
  const posts = new PostReader(scope);
  return {
    posts,
    comments: new CommentReader(scope, posts),
    relatedLinks: new RelatedLinkReader(scope, deps.postUrlTemplate),
    authors: new AuthorReader(scope),
    revisions: new RevisionReader(scope),
    previews: new PreviewReader(scope),
    redirects: new RedirectReader(scope, posts, deps.sitePaths),
    media: new MediaReader(scope, deps.mediaUrl),
    webhooks: new WebhookReader(scope),
  };
}
