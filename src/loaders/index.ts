import { DataSource } from 'typeorm';
import { createAuthorByIdLoader } from './author-by-id.loader';
import { createPostByIdLoader } from './post-by-id.loader';
import { createPostsByAuthorLoader } from './posts-by-author.loader';
import { createRevisionsByPostLoader } from './revisions-by-post.loader';

/** Every DataLoader of one request. Made per request in the context factory, never shared. */
export function createLoaders(db: DataSource) {
  return {
    authorById: createAuthorByIdLoader(db),
    postById: createPostByIdLoader(db),
    postsByAuthor: createPostsByAuthorLoader(db),
    revisionsByPost: createRevisionsByPostLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
