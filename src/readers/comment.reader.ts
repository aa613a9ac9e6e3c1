import { CacheKey } from '../domain/cache-keys';
import { CommentStatus } from '../domain/enums';
import { Comment } from '../entities/comment.entity';
import { Post } from '../entities/post.entity';
import { ForbiddenError } from '../errors/api-errors';
import { COMMENT_READ_COLUMNS } from '../loaders/comments.loaders';
import { Connection } from '../pagination/connection';
import { keysetPage } from '../pagination/keyset-page';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size';
import { BY_CREATED_AT_ASC } from '../pagination/sort-orders';
import { canModerateComments, canSeeComment } from '../policy/comment.policy';
import { ForwardPage, PostReader } from './post.reader';
import { ReaderScope } from './reader-scope';

/** The only way to comments: by id under the comment policy, and each post's public thread. */
export class CommentReader {
  constructor(
    private readonly scope: ReaderScope,
    private readonly posts: PostReader,
  ) {}

  async byId(id: string): Promise<Comment | null> {
    const comment = await this.scope.loaders.commentById.load(id);
    if (!comment) {
      // A comment readers may see comes with an event that purges the list key.
      this.scope.cacheKeys.add(CacheKey.postLists);
      return null;
    }
    // Seen or not, the answer changes with the comment's moderation, which purges its post's key.
    this.scope.cacheKeys.add(CacheKey.post(comment.postId));
    const post = await this.scope.loaders.postById.load(comment.postId);
    return post && canSeeComment(this.scope.viewer(), comment, post) ? comment : null;
  }

  /** Comment.parent, when the viewer may see it. */
  parentOf(comment: Comment): Promise<Comment | null> | null {
    return comment.parentId ? this.byId(comment.parentId) : null;
  }

  /**
   * Comment.post: a comment the viewer sees is on a post they see, or in the thread of the post
   * a preview token opened in this request (that post, as the token opened it).
   */
  async postOf(comment: Comment): Promise<Post> {
    return ((await this.posts.byId(comment.postId)) ?? this.scope.openedByPreview.get(comment.postId))!;
  }

  /** Post.comments: the approved top-level comments, oldest first. */
  threadOf(postId: string, page: ForwardPage): Promise<Connection<Comment>> {
    this.scope.cacheKeys.add(CacheKey.post(postId));
    return this.scope.loaders.commentsByPost.load({
      parentId: postId,
      first: page.first ?? DEFAULT_PAGE_SIZE,
      after: page.after ?? null,
    });
  }

  /** Post.commentCount: the public thread, replies included. */
  countOf(postId: string): Promise<number> {
    this.scope.cacheKeys.add(CacheKey.post(postId));
    return this.scope.loaders.commentCountByPost.load(postId);
  }

  /** Comment.replies: approved replies, oldest first. */
  repliesOf(commentId: string): Promise<Comment[]> {
    return this.scope.loaders.repliesByComment.load(commentId);
  }

  /** Query.moderationQueue: comments of one status on every post, oldest first; moderators only. */
  moderationQueue(status: CommentStatus, page: ForwardPage): Promise<Connection<Comment>> {
    if (!canModerateComments(this.scope.viewer())) throw new ForbiddenError();
    return keysetPage<Comment>(
      this.scope.db,
      {
        select: `SELECT ${COMMENT_READ_COLUMNS}`,
        from: 'FROM comments c',
        where: ['c.status = $1'],
        params: [status],
        order: BY_CREATED_AT_ASC,
        json: true,
      },
      page,
    );
  }
}
