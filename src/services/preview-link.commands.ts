import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';

/** A new preview link of a post (its id travels beside it, decoded). */
export interface NewPreviewLink {
  /** A revision of that post to show instead of the post as it is now. */
  revisionId?: string | null;
  /** 1..604800 (the GraphQL arguments validate it); a day when absent. */
  expiresInSeconds?: number | null;
}

/** A link as made. Its token is shown here, once: the database keeps only its hash. */
export interface IssuedPreviewLink {
  token: string;
  url: string;
  expiresAt: Date;
  post: Post;
  revision: PostRevision | null;
}

/** PREVIEW_URL_TEMPLATE, PUBLIC_BASE_URL and PREVIEW_LINKS_PER_POST. */
export interface PreviewLinkSettings {
  urlTemplate: string;
  publicBaseUrl: string | undefined;
  /** Live links one post may have; making one more revokes its oldest. */
  linksPerPost: number;
}
