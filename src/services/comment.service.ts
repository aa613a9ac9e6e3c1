import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { CommentStatus, PostStatus } from '../domain/enums';
import { selectList } from '../entities/columns';
import { COMMENT_READ, Comment } from '../entities/comment.entity';
import { BadUserInputError, ForbiddenError, NotFoundError, RateLimitedError } from '../errors/api-errors';
import { commentEvent, readersSeeCommentChange } from '../events/comment-events';
import { recordEvents } from '../events/outbox';
import { RateLimiter } from '../limits/rate-limiter';
import { canCommentOn, canModerateComments } from '../policy/comment.policy';
import { COMMENT_BODY_MAX, NewComment } from './comment.commands';

const COMMENT_RETURN_COLUMNS = selectList(Comment, 'c', COMMENT_READ);

/** Like WordPress's "hold a comment if it contains 2 or more links". */
const MAX_LINKS_BEFORE_HOLD = 2;
const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./gi;

function isLinkHeavy(body: string): boolean {
  return (body.match(LINK)?.length ?? 0) >= MAX_LINKS_BEFORE_HOLD;
}

/**
 * The statuses of a comment and of every reply under it, at any depth, locked: a delete takes
 * them all (by foreign key), and readers saw it if one of them was approved (a reply stays
 * approved, and readable by id, under a comment moderated back to pending).
 */
const THREAD_STATUSES = `
  WITH RECURSIVE thread AS (
    SELECT id FROM comments WHERE id = $1
    UNION SELECT c.id FROM comments c JOIN thread t ON c.parent_id = t.id
  )
  SELECT status FROM comments WHERE id IN (SELECT id FROM thread) FOR UPDATE`;

/** Comments: writing (with the spam guard), moderating, deleting. */
export class CommentService {
  constructor(
    private readonly db: EntityManager,
    /** Anonymous comments per client IP. */
    private readonly anonymousLimiter: RateLimiter,
  ) {}

  /**
   * Readers' comments wait as PENDING; signed-in staff comment as themselves, APPROVED, unless the
   * body is link-heavy. The body is stored exactly as written (clients escape it).
   */
  async add(
    viewer: Viewer | null,
    clientIp: string,
    postId: string,
    parentId: string | undefined,
    input: NewComment,
  ): Promise<Comment> {
    const { body } = input;
    if (body.trim() === '') throw new BadUserInputError('A comment needs some text.', 'body');
    if ([...body].length > COMMENT_BODY_MAX)
      throw new BadUserInputError(`A comment is at most ${COMMENT_BODY_MAX} characters.`, 'body');
    const givenName = input.authorName?.trim() ?? '';
    if (!viewer && !givenName) throw new BadUserInputError('Give the name to show with your comment.', 'authorName');

    if (!viewer) {
      const waitMs = await this.anonymousLimiter.hit(clientIp);
      if (waitMs > 0) throw new RateLimitedError('Too many comments from your address.', Math.ceil(waitMs / 1000));
    }
    // The post and the parent are share-locked until the comment is in, so neither can be
    // unpublished, rejected or deleted between the checks and the insert.
    const comment = await inTransaction(this.db, async (m) => {
      const [post]: Array<{ status: PostStatus; publishedAt: Date | null; authorId: string }> = await m.query(
        'SELECT status, published_at AS "publishedAt", author_id AS "authorId" FROM posts WHERE id = $1 FOR SHARE',
        [postId],
      );
      // Comments go only where readers can see the post.
      if (!post || !canCommentOn(post)) throw new NotFoundError('Post');
      if (parentId !== undefined) {
        const [parent]: Array<{ postId: string; status: CommentStatus }> = await m.query(
          'SELECT post_id AS "postId", status FROM comments WHERE id = $1 FOR SHARE',
          [parentId],
        );
        if (!parent) throw new NotFoundError('Comment');
        if (parent.postId !== postId)
          throw new BadUserInputError('A reply belongs to the same post as the comment it answers.', 'parentId');
        if (parent.status !== CommentStatus.APPROVED)
          throw new BadUserInputError('Only approved comments can be answered.', 'parentId');
      }
      let authorName = givenName;
      if (viewer) {
        const [author]: Array<{ name: string }> = await m.query('SELECT name FROM authors WHERE id = $1', [viewer.id]);
        authorName = author?.name ?? givenName;
      }
      const status = viewer && !isLinkHeavy(body) ? CommentStatus.APPROVED : CommentStatus.PENDING;
      const [inserted]: Comment[] = await m.query(
        `INSERT INTO comments AS c (post_id, parent_id, author_id, author_name, body, status, client_ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COMMENT_RETURN_COLUMNS}`,
        [postId, parentId ?? null, viewer?.id ?? null, authorName, body, status, clientIp],
      );
      const seen = readersSeeCommentChange(inserted.status);
      await recordEvents(m, [commentEvent('comment.added', inserted, seen, { status: inserted.status })]);
      return inserted;
    });
    return comment;
  }

  /** Editors and admins set a comment's status. */
  async moderate(viewer: Viewer, commentId: string, status: CommentStatus): Promise<Comment> {
    if (!canModerateComments(viewer)) throw new ForbiddenError();
    return inTransaction(this.db, async (m) => {
      const [before]: Array<{ status: CommentStatus }> = await m.query(
        'SELECT status FROM comments WHERE id = $1 FOR UPDATE',
        [commentId],
      );
      if (!before) throw new NotFoundError('Comment');
      const [comment] = returningRows<Comment>(
        await m.query(
          `UPDATE comments AS c SET status = $2, updated_at = now() WHERE c.id = $1 RETURNING ${COMMENT_RETURN_COLUMNS}`,
          [commentId, status],
        ),
      );
      if (before.status !== status) {
        const type = status === CommentStatus.APPROVED ? 'comment.approved' : 'comment.rejected';
        const seen = readersSeeCommentChange(before.status, status);
        await recordEvents(m, [commentEvent(type, comment, seen, { status })]);
      }
      return comment;
    });
  }

  /** Deletes the comment and, by foreign key, its replies. */
  async delete(viewer: Viewer, commentId: string): Promise<boolean> {
    if (!canModerateComments(viewer)) throw new ForbiddenError();
    return inTransaction(this.db, async (m) => {
      const thread: Array<{ status: CommentStatus }> = await m.query(THREAD_STATUSES, [commentId]);
      const deleted = returningRows<Pick<Comment, 'id' | 'postId'>>(
        await m.query('DELETE FROM comments WHERE id = $1 RETURNING id, post_id AS "postId"', [commentId]),
      );
      if (deleted.length === 0) throw new NotFoundError('Comment');
      const seen = readersSeeCommentChange(...thread.map((comment) => comment.status));
      await recordEvents(m, [commentEvent('comment.deleted', deleted[0], seen)]);
      return true;
    });
  }
}
