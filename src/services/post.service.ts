import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { databaseErrorOf } from '../db/database-error';
import { inTransaction } from '../db/transaction';
import { violatedUniqueIndex } from '../db/unique-violation';
import { PostStatus } from '../domain/enums';
import { selectList } from '../entities/columns';
import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { recordEvents } from '../events/outbox';
import { postDeletedEvent } from '../events/post-events';
import { canWriteAs, isLive } from '../policy/post.policy';
import { deriveExcerpt, htmlToText, readingTimeMinutes, sanitizeBody } from './html-content';
import {
  POST_WRITE_COLUMNS,
  PostPatch,
  assertVersion,
  lockEditablePost,
  writeVersionedChange,
} from './post-versioning';
import { NewPost, PostChanges } from './post.commands';
import { RedirectService } from './redirect.service';
import { claimSlug, slugForNewRow } from './slug';
import { normalizeTags } from './tags';

const REVISION_COLUMNS = selectList(PostRevision, 'r');

/** A taken slug is CONFLICT; a cover that is no media item (or was just deleted) NOT_FOUND. */
function rethrowSlugConflict(error: unknown): never {
  if (violatedUniqueIndex(error) === 'posts_slug_key') throw new ConflictError('That slug is taken.', 'slug');
  const cause = databaseErrorOf(error);
  if (cause.code === '23503' && cause.constraint?.includes('cover_media')) throw new NotFoundError('Media');
  throw error;
}

/** The excerpt columns for an editor's excerpt, or for one derived from `body` when none is given. */
function excerptFor(given: string | null | undefined, body: string): Pick<Post, 'excerpt' | 'excerptIsCustom'> {
  const custom = given == null ? '' : htmlToText(given);
  return custom ? { excerpt: custom, excerptIsCustom: true } : { excerpt: deriveExcerpt(body), excerptIsCustom: false };
}

/**
 * The post workflow: writing, versioned edits, publishing and scheduling, featuring, deleting.
 * One transaction per call.
 */
export class PostService {
  constructor(
    private readonly db: EntityManager,
    /** Slug history: an old path leads to the new one, recorded with the change. */
    private readonly redirects: RedirectService,
  ) {}

  /** A new DRAFT by `viewer`, or on behalf of `authorId` (editors and admins). */
  async create(viewer: Viewer, input: NewPost, authorId?: string): Promise<Post> {
    const ownerId = authorId ?? viewer.id;
    if (!canWriteAs(viewer, ownerId)) {
      throw new ForbiddenError('Only editors and admins may write on behalf of another author.');
    }
    const body = sanitizeBody(input.body);
    const tags = normalizeTags(input.tags ?? []);
    return inTransaction(this.db, async (m) => {
      const owner: unknown[] = await m.query('SELECT 1 FROM authors WHERE id = $1', [ownerId]);
      if (owner.length === 0) throw new NotFoundError('Author');
      const slug = await slugForNewRow(m, 'posts', input.slug, input.title, 'post');
      const { excerpt, excerptIsCustom } = excerptFor(input.excerpt, body);
      const [post]: Post[] = await m.query(
        `INSERT INTO posts AS p (slug, title, body, excerpt, excerpt_is_custom, status, source, cover_image_url, tags,
             reading_time_minutes, author_id, last_editor_id, cover_media_id)
           VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6, $7, $8, $9, $10, $11, $12) RETURNING ${POST_WRITE_COLUMNS}`,
        [
          slug,
          input.title.trim(),
          body,
          excerpt,
          excerptIsCustom,
          input.source?.trim() || null,
          input.coverImageUrl ?? null,
          tags,
          readingTimeMinutes(body),
          ownerId,
          viewer.id,
          input.coverMediaId ?? null,
        ],
      );
      return post;
    }).catch(rethrowSlugConflict);
  }

  async update(viewer: Viewer, postId: string, expectedVersion: number, input: PostChanges): Promise<Post> {
    const { title } = input;
    if (title === null) throw new BadUserInputError('A post needs a title.', 'title');
    if (input.body === null)
      throw new BadUserInputError('A post needs a body; send an empty string to clear it.', 'body');
    const body = input.body === undefined ? undefined : sanitizeBody(input.body);
    const tags = input.tags === undefined ? undefined : normalizeTags(input.tags ?? []);
    return inTransaction(this.db, async (m) => {
      // Redirect writes lock before any post row (src/services/redirect.service.ts).
      if (input.slug != null) await this.redirects.lock(m);
      const { post: current } = await lockEditablePost(m, viewer, postId);
      assertVersion(current, expectedVersion);
      const patch: PostPatch = {};
      if (title !== undefined) patch.title = title.trim();
      if (body !== undefined) {
        patch.body = body;
        patch.readingTimeMinutes = readingTimeMinutes(body);
      }
      if (input.excerpt !== undefined) Object.assign(patch, excerptFor(input.excerpt, body ?? current.body));
      else if (body !== undefined && !current.excerptIsCustom) patch.excerpt = deriveExcerpt(body);
      if (input.slug != null && input.slug !== current.slug) {
        patch.slug = await claimSlug(m, 'posts', input.slug, current.id);
      }
      if (input.source !== undefined) patch.source = input.source?.trim() || null;
      if (input.coverImageUrl !== undefined) patch.coverImageUrl = input.coverImageUrl;
      if (input.coverMediaId !== undefined) patch.coverMediaId = input.coverMediaId;
      if (tags !== undefined) patch.tags = tags;
      const updated = await writeVersionedChange(m, viewer, current, patch);
      if (patch.slug !== undefined) await this.redirects.slugChanged(m, current.id, current.slug, patch.slug);
      return updated;
    }).catch(rethrowSlugConflict);
  }

  /** Publishes now, or schedules when `publishAt` is in the future; a past `publishAt` backdates. */
  async publish(viewer: Viewer, postId: string, publishAt: Date | null | undefined): Promise<Post> {
    return inTransaction(this.db, async (m) => {
      const { post: current, dbNow } = await lockEditablePost(m, viewer, postId);
      if (publishAt == null && isLive(current, dbNow)) return current;
      const when = publishAt ?? dbNow;
      const status = when.getTime() > dbNow.getTime() ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
      return writeVersionedChange(m, viewer, current, { status, publishedAt: when });
    });
  }

  /** Back to DRAFT. */
  async unpublish(viewer: Viewer, postId: string): Promise<Post> {
    return inTransaction(this.db, async (m) => {
      const { post: current } = await lockEditablePost(m, viewer, postId);
      if (current.status === PostStatus.DRAFT) return current;
      return writeVersionedChange(m, viewer, current, { status: PostStatus.DRAFT, publishedAt: null });
    });
  }

  /** Out of every public list, kept for the record; its publication date stays. */
  async archive(viewer: Viewer, postId: string): Promise<Post> {
    return inTransaction(this.db, async (m) => {
      const { post: current } = await lockEditablePost(m, viewer, postId);
      if (current.status === PostStatus.ARCHIVED) return current;
      return writeVersionedChange(m, viewer, current, { status: PostStatus.ARCHIVED });
    });
  }

  async setFeatured(viewer: Viewer, postId: string, featured: boolean): Promise<Post> {
    return inTransaction(this.db, async (m) => {
      const { post: current } = await lockEditablePost(m, viewer, postId);
      if (current.featured === featured) return current;
      return writeVersionedChange(m, viewer, current, { featured });
    });
  }

  /**
   * Deletes the post; by foreign keys its revisions, comments and links go with it, and so does
   * every link pointing to it.
   */
  async delete(viewer: Viewer, postId: string): Promise<boolean> {
    return inTransaction(this.db, async (m) => {
      const { post } = await lockEditablePost(m, viewer, postId);
      // Posts that link here lose that link with it: their pages change too.
      const linking = (await m.query('SELECT DISTINCT post_id AS id FROM related_links WHERE target_post_id = $1', [
        post.id,
      ])) as Array<{ id: string }>;
      await m.query('DELETE FROM posts WHERE id = $1', [post.id]);
      await recordEvents(m, [
        postDeletedEvent(
          post,
          linking.map(({ id }) => id),
        ),
      ]);
      return true;
    });
  }

  /** Makes a revision's content the next version; the replaced content becomes a revision too. */
  async restoreRevision(viewer: Viewer, postId: string, revisionId: string, expectedVersion: number): Promise<Post> {
    return inTransaction(this.db, async (m) => {
      const { post: current } = await lockEditablePost(m, viewer, postId);
      const [revision]: PostRevision[] = await m.query(
        `SELECT ${REVISION_COLUMNS} FROM post_revisions r WHERE r.id = $1 AND r.post_id = $2`,
        [revisionId, current.id],
      );
      if (!revision) throw new NotFoundError('Revision');
      assertVersion(current, expectedVersion);
      return writeVersionedChange(m, viewer, current, {
        title: revision.title,
        body: revision.body,
        excerpt: revision.excerpt,
        excerptIsCustom: revision.excerptIsCustom,
        tags: revision.tags,
        readingTimeMinutes: readingTimeMinutes(revision.body),
      });
    });
  }
}
