import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { Post } from '../entities/post.entity';
import { postChangeEvents } from '../events/post-events';
import { POST_WRITE_COLUMNS, PostPatch, applyVersionedChange } from '../services/post-versioning';
import { MappedPost } from './post-mapping';

/** What became of a post a newer export changed. */
export type UpdateOutcome =
  | { kind: 'updated' | 'unchanged'; slug: string }
  /** Deleted here between the lookup and the write. */
  | { kind: 'gone' };

/** The fields an export sets; the slug, the author, the cover and a custom excerpt stay as they are here. */
function patchOf(current: Post, mapped: MappedPost): PostPatch {
  const patch: PostPatch = {
    title: mapped.title,
    body: mapped.body,
    tags: mapped.tags,
    status: mapped.status,
    publishedAt: mapped.publishedAt,
    readingTimeMinutes: mapped.readingTimeMinutes,
  };
  if (!current.excerptIsCustom) patch.excerpt = mapped.excerpt;
  return patch;
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : isDeepStrictEqual(a, b);

/**
 * Applies what a newer export says to posts an earlier import brought, in `m`, each as an edit
 * would: the replaced content becomes a revision and the version goes up by one. A post whose
 * mapped content is what it has already (the export changed only what we do not keep) is left
 * alone. The cache keys of what readers see change go into `keys`.
 */
export async function updatePosts(
  m: EntityManager,
  changes: Array<{ postId: string; mapped: MappedPost }>,
  keys: Set<string>,
): Promise<UpdateOutcome[]> {
  if (changes.length === 0) return [];
  const rows = (await m.query(
    `SELECT ${POST_WRITE_COLUMNS} FROM posts p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE`,
    [changes.map((change) => change.postId)],
  )) as Array<Post & { body: string }>;
  const current = new Map(rows.map((row) => [row.id, row]));
  const outcomes: UpdateOutcome[] = [];
  for (const { postId, mapped } of changes) {
    const post = current.get(postId);
    if (!post) {
      outcomes.push({ kind: 'gone' });
      continue;
    }
    const patch = patchOf(post, mapped);
    const differs = (Object.keys(patch) as Array<keyof PostPatch>).some((key) => !sameValue(patch[key], post[key]));
    if (!differs) {
      outcomes.push({ kind: 'unchanged', slug: post.slug });
      continue;
    }
    const updated = await applyVersionedChange(m, post.authorId, post, patch);
    for (const event of postChangeEvents(post, updated)) for (const key of event.cacheKeys) keys.add(key);
    outcomes.push({ kind: 'updated', slug: updated.slug });
  }
  return outcomes;
}
