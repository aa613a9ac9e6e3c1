import { Queryable } from '../db/queryable';
import { createAuthorByIdLoader } from './author-by-id.loader';
import {
  createCommentByIdLoader,
  createCommentCountByPostLoader,
  createCommentsByPostLoader,
  createRepliesByCommentLoader,
} from './comments.loaders';
import { createMediaByIdLoader, createRenditionsByMediaLoader } from './media.loaders';
import { createPostBodyByIdLoader, createPostByIdLoader, createPostBySlugLoader } from './post-by-id.loader';
import { createPostsByAuthorLoader } from './posts-by-author.loader';
import { createRedirectByIdLoader, createRedirectByPathLoader } from './redirect.loaders';
import {
  createRelatedLinkByIdLoader,
  createRelatedLinksByPostLoader,
  createRelatedPostsByPostLoader,
} from './related.loaders';
import { createRevisionByIdLoader, createRevisionsByPostLoader } from './revisions.loaders';

/**
 * Every DataLoader of one request, made per request, never shared; only the readers
 * (src/readers) use them. By-id and by-slug loaders fetch rows whatever the viewer, and the
 * readers apply the policies to what they get. Per-parent lists hold what everyone may see,
 * whoever asks (a post's public comment thread, an author's live posts, live related posts), so
 * they take the policy's SQL fragment into their one windowed query.
 */
export function createLoaders(db: Queryable) {
  // Loaders that read related rows along with their own prime these two.
  const authorById = createAuthorByIdLoader(db);
  const postById = createPostByIdLoader(db);
  return {
    authorById,
    postById,
    postBySlug: createPostBySlugLoader(db),
    postBodyById: createPostBodyByIdLoader(db),
    postsByAuthor: createPostsByAuthorLoader(db),
    revisionById: createRevisionByIdLoader(db),
    revisionsByPost: createRevisionsByPostLoader(db),
    commentById: createCommentByIdLoader(db),
    commentCountByPost: createCommentCountByPostLoader(db),
    commentsByPost: createCommentsByPostLoader(db),
    repliesByComment: createRepliesByCommentLoader(db),
    relatedLinkById: createRelatedLinkByIdLoader(db),
    relatedLinksByPost: createRelatedLinksByPostLoader(db, postById),
    relatedPostsByPost: createRelatedPostsByPostLoader(db, authorById),
    redirectById: createRedirectByIdLoader(db),
    redirectByPath: createRedirectByPathLoader(db, postById),
    mediaById: createMediaByIdLoader(db),
    renditionsByMedia: createRenditionsByMediaLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
