import type { Loaders } from '../loaders';
import { PostWithByline, bylineSql, primeBylines } from '../loaders/author-by-id.loader';
import { CommentWithReplies, commentCountSql, threadFirstPageSql } from '../loaders/comments.loaders';
import { POST_READ_COLUMNS } from '../loaders/post-by-id.loader';
import { linksOfPostSql } from '../loaders/related.loaders';

/** What lists of posts select: each post with its author (primed, see `primeBylines`). */
const LISTED_POST_COLUMNS = `${POST_READ_COLUMNS}, ${bylineSql('p')} AS byline`;

/**
 * What a client asks of every post of a list (resolvers read it off the operation): read with
 * the list, in its statement, and put into the loaders that would otherwise read it, under the
 * same keys, so the answer is the same with fewer statements. What is not named here, or asked
 * differently (a page after a cursor), the loaders read as before.
 */
export interface PostListPrefetch {
  /** Post.comments(first: n) without `after`: its first page. */
  commentsFirst?: number;
  /** Comment.replies of the comments of that page. */
  commentReplies?: boolean;
  commentCount?: boolean;
  relatedLinks?: boolean;
}

/** The posts' columns, with what `prefetch` names as JSON columns of its own. */
export function listedColumns(prefetch: PostListPrefetch | undefined): string {
  const columns = [LISTED_POST_COLUMNS];
  if (prefetch?.commentsFirst) {
    const thread = threadFirstPageSql('p', prefetch.commentsFirst, prefetch.commentReplies);
    columns.push(`${thread} AS "prefetchedThread"`);
  }
  if (prefetch?.commentCount) columns.push(`${commentCountSql('p')} AS "prefetchedCommentCount"`);
  if (prefetch?.relatedLinks) columns.push(`${linksOfPostSql('p')} AS "prefetchedLinks"`);
  return columns.join(', ');
}

/** A listed post as read with `listedColumns`. */
export type ListedPost = PostWithByline & {
  prefetchedThread?: Array<CommentWithReplies & { sortKey: string }> | null;
  prefetchedCommentCount?: number;
  prefetchedLinks?: Parameters<Loaders['relatedLinksByPost']['primeLinks']>[1];
};

/**
 * Puts what was read with a list's posts (their authors, and what `prefetch` asked for) into the
 * request's loaders, under the keys the fields then load.
 */
export function primeListed(loaders: Loaders, posts: readonly ListedPost[], prefetch?: PostListPrefetch): void {
  primeBylines(loaders.authorById, posts);
  for (const post of posts) {
    if (prefetch?.commentsFirst) {
      const thread = post.prefetchedThread ?? [];
      loaders.commentsByPost.primeFirstPage(post.id, prefetch.commentsFirst, thread);
      if (prefetch.commentReplies) loaders.repliesByComment.primeReplies(thread);
    }
    if (prefetch?.commentCount) loaders.commentCountByPost.prime(post.id, post.prefetchedCommentCount ?? 0);
    if (prefetch?.relatedLinks) loaders.relatedLinksByPost.primeLinks(post.id, post.prefetchedLinks ?? null);
  }
}
