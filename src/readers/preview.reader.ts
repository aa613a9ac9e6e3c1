import { hasPreviewTokenShape, previewTokenHash } from '../domain/preview-token';
import { splitJoinedRow } from '../entities/columns';
import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { POST_READ_COLUMNS } from '../loaders/post-by-id.loader';
import { readingTimeMinutes } from '../services/html-content';
import { ReaderScope } from './reader-scope';

/** The revision's content, beside the post's own columns (split off with `splitJoinedRow`). */
const REVISION_CONTENT =
  'r.id AS "rev.id", r.title AS "rev.title", r.body AS "rev.body", r.excerpt AS "rev.excerpt", r.tags AS "rev.tags"';
type RevisionContent = Pick<PostRevision, 'id' | 'title' | 'body' | 'excerpt' | 'tags'>;

/**
 * The only way to a post through a preview token (Query.previewPost). The token alone decides:
 * it opens its one post whatever the viewer and the post's status, and nothing else. The post
 * object it answers is noted in the request's scope (`openedByPreview`), so the readers of that
 * post's own parts (its links, the post of a comment in its thread) judge them as readers would
 * were it live; every other post, and every link target, keeps the post policy.
 */
export class PreviewReader {
  constructor(private readonly scope: ReaderScope) {}

  /**
   * The post a live token opens (with a revision's title, body, excerpt and tags when the link
   * names one), or null for anything else: a forged, altered, expired or revoked token, or one
   * whose post was deleted. One answer for all, so a holder learns nothing of which.
   */
  async postFor(token: string): Promise<Post | null> {
    if (!hasPreviewTokenShape(token)) return null;
    const rows = (await this.scope.db.query(
      `SELECT ${POST_READ_COLUMNS}, p.body, ${REVISION_CONTENT}
       FROM preview_links l JOIN posts p ON p.id = l.post_id LEFT JOIN post_revisions r ON r.id = l.revision_id
       WHERE l.token_hash = $1 AND l.revoked_at IS NULL AND l.expires_at > now()`,
      [previewTokenHash(token)],
    )) as Array<Record<string, unknown>>;
    if (rows.length === 0) return null;
    const { own, joined: revision } = splitJoinedRow<Post, RevisionContent>(rows[0], 'rev.');
    const post: Post = revision
      ? {
          ...own,
          title: revision.title,
          body: revision.body,
          excerpt: revision.excerpt,
          tags: revision.tags,
          readingTimeMinutes: readingTimeMinutes(revision.body),
        }
      : own;
    // Noted, not primed in the loaders: `post(id:)` in the same request still answers as the policy says.
    this.scope.openedByPreview.set(post.id, post);
    return post;
  }
}
