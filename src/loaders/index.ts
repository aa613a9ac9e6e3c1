import { DataSource } from 'typeorm';
import { createAuthorByIdLoader } from './author-by-id.loader';
import { createPostByIdLoader } from './post-by-id.loader';
import { createPostsByAuthorLoader } from './posts-by-author.loader';
import { createRevisionsByPostLoader } from './revisions-by-post.loader';
import {
  createCommentByIdLoader, createCommentCountByPostLoader, createCommentsByPostLoader, createRepliesByCommentLoader,
} from './comments.loaders';
import { createRelatedLinksByPostLoader, createRelatedPostsByPostLoader } from './related.loaders';

/** Every DataLoader of one request. Made per request in the context factory, never shared. */
export function createLoaders(db: DataSource) {
  return {
    authorById: createAuthorByIdLoader(db),
    postById: createPostByIdLoader(db),
    postsByAuthor: createPostsByAuthorLoader(db),
    revisionsByPost: createRevisionsByPostLoader(db),
    commentById: createCommentByIdLoader(db),
    commentCountByPost: createCommentCountByPostLoader(db),
    commentsByPost: createCommentsByPostLoader(db),
    repliesByComment: createRepliesByCommentLoader(db),
    relatedLinksByPost: createRelatedLinksByPostLoader(db),
    relatedPostsByPost: createRelatedPostsByPostLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
