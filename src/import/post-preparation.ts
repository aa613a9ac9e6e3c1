import { EntityManager } from 'typeorm';
import { Tally } from './import-report';
import { KnownPost, PostItem, PreparedPost } from './post-batch';
import { mapPost, postSourceFacts } from './post-mapping';
import { SourceIds, contentHash } from './source-ids';

/** A batch of posts read and decided, ready for its transaction. */
export interface PostBatch {
  items: PostItem[];
  /** What was decided before the transaction (left out, unchanged), merged once it commits. */
  before: Tally;
  /** New, or changed since the import that brought them: mapped (bodies sanitized). */
  prepared: PreparedPost[];
  /** As an earlier import brought them: only their comments may be new. */
  unchanged: KnownPost[];
}

/** Leaves a post out of the import, and its comments with it. */
export function leaveOut(tally: Tally, item: PostItem, reason: string, commentsReason = 'its post was left out'): void {
  tally.skip('post', item.post.sourceId, item.line, reason);
  for (const comment of item.post.comments) tally.skip('comment', comment.sourceId, item.line, commentsReason);
}

/**
 * Decides a batch of posts before its transaction, with one lookup of their source ids: a post
 * an earlier import brought as it is now (same hash) is unchanged, one deleted here since stays
 * out, the rest are mapped (the CPU of the import: sanitizing). `writing` names the posts of the
 * batch being written meanwhile, not yet visible to this lookup: one of them again is a duplicate.
 */
export async function preparePosts(
  reader: EntityManager,
  sources: SourceIds,
  items: PostItem[],
  options: { tally: Tally; importImages: boolean; now: Date; writing: ReadonlySet<string> },
): Promise<PostBatch> {
  const batch: PostBatch = { items, before: options.tally, prepared: [], unchanged: [] };
  const known = await sources.find(
    reader,
    'post',
    items.map((item) => item.post.sourceId),
  );
  const seen = new Set(options.writing);
  for (const item of items) {
    const { sourceId } = item.post;
    const earlier = known.get(sourceId);
    if (seen.has(sourceId)) {
      leaveOut(batch.before, item, 'appears twice in the file; the first is kept', 'its post appears twice');
      continue;
    }
    seen.add(sourceId);
    if (earlier?.present === false) {
      leaveOut(batch.before, item, 'deleted here since it was imported; left deleted', 'its post was deleted here');
      continue;
    }
    const hash = contentHash([postSourceFacts(item.post), options.importImages]);
    if (earlier?.hash === hash) {
      batch.unchanged.push({ ...item, postId: earlier.targetId });
      continue;
    }
    const mapping = mapPost(item.post, options.now);
    if ('skip' in mapping) leaveOut(batch.before, item, mapping.skip, `its post was left out (${mapping.skip})`);
    else batch.prepared.push({ ...item, mapped: mapping.post, hash, postId: earlier?.targetId ?? null });
  }
  batch.before.count('posts', 'unchanged', batch.unchanged.length);
  batch.before.count('redirects', 'unchanged', await importedRedirects(reader, batch.unchanged));
  return batch;
}

/** How many of these posts' IMPORT redirects are there already (a re-run counts them unchanged). */
async function importedRedirects(reader: EntityManager, posts: KnownPost[]): Promise<number> {
  if (posts.length === 0) return 0;
  const [{ n }] = (await reader.query(
    `SELECT count(*)::int AS n FROM redirects WHERE source = 'IMPORT' AND post_id = ANY($1::uuid[])`,
    [posts.map((post) => post.postId)],
  )) as Array<{ n: number }>;
  return n;
}
