import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { columnOf, selectList } from '../entities/columns';
import { Post } from '../entities/post.entity';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { recordEvents } from '../events/outbox';
import { postChangeEvents } from '../events/post-events';
import { canEditPost, canSeePost } from '../policy/post.policy';

/** Writes read and return whole posts: the next version needs every column of the current one. */
export const POST_WRITE_COLUMNS = selectList(Post, 'p');

/** The post fields a change may set. */
export type PostPatch = Partial<
  Pick<
    Post,
    | 'slug'
    | 'title'
    | 'body'
    | 'excerpt'
    | 'excerptIsCustom'
    | 'status'
    | 'publishedAt'
    | 'source'
    | 'coverImageUrl'
    | 'coverMediaId'
    | 'tags'
    | 'featured'
    | 'readingTimeMinutes'
  >
>;

export interface LockedPost {
  post: Post & { body: string };
  /** The database's clock, so scheduling never depends on this process's clock. */
  dbNow: Date;
}

/**
 * Locks a post for a change by `viewer`: NOT_FOUND when it does not exist or the viewer cannot
 * see it, FORBIDDEN when they can see it but not change it.
 */
export async function lockEditablePost(m: EntityManager, viewer: Viewer, postId: string): Promise<LockedPost> {
  const rows: Array<Post & { body: string; dbNow: Date }> = await m.query(
    `SELECT ${POST_WRITE_COLUMNS}, now() AS "dbNow" FROM posts p WHERE p.id = $1 FOR UPDATE`,
    [postId],
  );
  if (rows.length === 0) throw new NotFoundError('Post');
  const { dbNow, ...post } = rows[0];
  if (!canSeePost(viewer, post)) throw new NotFoundError('Post');
  if (!canEditPost(viewer, post)) throw new ForbiddenError('Only the post’s author, editors and admins may change it.');
  return { post, dbNow };
}

/** CONFLICT unless the client saw the current version. */
export function assertVersion(post: Post, expectedVersion: number): void {
  if (post.version !== expectedVersion) {
    throw new ConflictError(
      `The post is at version ${post.version}, not ${expectedVersion}: reload it and apply your change again.`,
    );
  }
}

/**
 * Applies `patch` as the next version: records the replaced content as a revision and updates
 * the row only while it is still at the version that was read (`WHERE version = $n`, because
 * TypeORM's @VersionColumn guards nothing), in the caller's transaction. 0 rows is CONFLICT.
 */
export async function writeVersionedChange(
  m: EntityManager,
  viewer: Viewer,
  current: Post & { body: string },
  patch: PostPatch,
): Promise<Post> {
  const updated = await applyVersionedChange(m, viewer.id, current, patch);
  await recordEvents(m, postChangeEvents(current, updated));
  return updated;
}

/**
 * `writeVersionedChange` without its events, for a caller that announces its changes its own
 * way (an import: src/import/). `editorId` is recorded as the post's last editor.
 */
export async function applyVersionedChange(
  m: EntityManager,
  editorId: string,
  current: Post & { body: string },
  patch: PostPatch,
): Promise<Post> {
  await m.query(
    `INSERT INTO post_revisions (post_id, version, title, body, excerpt, excerpt_is_custom, tags, editor_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      current.id,
      current.version,
      current.title,
      current.body,
      current.excerpt,
      current.excerptIsCustom,
      current.tags,
      current.lastEditorId,
      current.updatedAt,
    ],
  );
  const params: unknown[] = [current.id, current.version, editorId];
  const assignments = (Object.keys(patch) as Array<keyof PostPatch>).map((key) => {
    params.push(patch[key]);
    return `${columnOf(Post, key)} = $${params.length}`;
  });
  const updated = returningRows<Post>(
    await m.query(
      `UPDATE posts AS p SET ${[...assignments, 'version = p.version + 1', 'updated_at = now()', 'last_editor_id = $3'].join(', ')}
     WHERE p.id = $1 AND p.version = $2 RETURNING ${POST_WRITE_COLUMNS}`,
      params,
    ),
  );
  if (updated.length === 0)
    throw new ConflictError('The post was changed by someone else: reload it and apply your change again.');
  return updated[0];
}
