import { EntityManager } from 'typeorm';
import { CacheKey } from '../domain/cache-keys';
import { PostStatus } from '../domain/enums';
import { SitePaths } from '../domain/site-paths';
import { ImportedRedirect, addImportedRedirects } from '../services/imported-redirects';
import { RedirectService } from '../services/redirect.service';
import { AuthorMatcher } from './author-matching';
import { CommentToWrite, Orphan, writeComments } from './comment-writer';
import { Tally } from './import-report';
import { insertPosts } from './post-insert';
import { MappedPost } from './post-mapping';
import { updatePosts } from './post-update';
import { SourceIds, SourceRow } from './source-ids';
import { SourcePost } from './source-records';

/** What a run's batches share: its source ids, authors found, and the site's paths and redirects. */
export interface ImportContext {
  sources: SourceIds;
  authors: AuthorMatcher;
  paths: SitePaths;
  redirects: RedirectService;
}

export interface PostItem {
  post: SourcePost;
  line: number;
}

/** A post to write: new, or changed since the import that brought it (`postId`). */
export interface PreparedPost extends PostItem {
  mapped: MappedPost;
  hash: string;
  postId: string | null;
}

/** A post an earlier import brought as it is: only its comments may be new. */
export interface KnownPost extends PostItem {
  postId: string;
}

/** The normalised old path of a post, or null (noted) when it has none worth a redirect. */
function oldPathOf(ctx: ImportContext, post: PreparedPost, tally: Tally): string | null {
  if (post.mapped.oldPath === null) return null;
  let path: string;
  try {
    path = ctx.paths.path(post.mapped.oldPath, 'oldUrl');
  } catch {
    tally.skip(
      'redirect',
      post.post.sourceId,
      post.line,
      `the old URL's path "${post.mapped.oldPath}" is not one a redirect can keep`,
    );
    return null;
  }
  if (path !== '/') return path;
  // WordPress's plain permalinks (/?p=12): the query string is not part of a path.
  tally.skip(
    'redirect',
    post.post.sourceId,
    post.line,
    'the old URL is the site’s root with a query string: no path to redirect',
  );
  return null;
}

/**
 * One batch of posts, in `m` (one transaction): their authors, the new posts, the changed ones
 * (versioned as edits), each one's old path as a permanent IMPORT redirect, the comments of every
 * post of the batch, and their source ids. Answers the replies to thread at the end.
 */
export async function writePostBatch(
  m: EntityManager,
  ctx: ImportContext,
  batch: { prepared: PreparedPost[]; known: KnownPost[] },
  tally: Tally,
  keys: Set<string>,
): Promise<Orphan[]> {
  // Before any post row, as every redirect write (src/services/redirect.service.ts).
  await ctx.redirects.lock(m);
  const { prepared } = batch;
  // Every author of the batch, so a run reports each (unchanged ones too), once.
  const authorIds = await ctx.authors.resolve(
    m,
    [...prepared, ...batch.known].map((item) => item.post.author),
    tally,
  );
  const fresh = prepared.filter((item) => item.postId === null);
  const changed = prepared.filter((item) => item.postId !== null);
  const inserted = await insertPosts(
    m,
    fresh.map((item) => ({ mapped: item.mapped, authorId: authorIds.get(item.post.author.sourceId)! })),
  );
  if (fresh.some((item) => item.mapped.status !== PostStatus.DRAFT)) keys.add(CacheKey.postLists);
  const updated = await updatePosts(
    m,
    changed.map((item) => ({ postId: item.postId!, mapped: item.mapped })),
    keys,
  );
  const written: Array<{ item: PreparedPost; id: string; slug: string }> = [];
  fresh.forEach((item, i) => written.push({ item, ...inserted[i] }));
  tally.count('posts', 'created', fresh.length);
  changed.forEach((item, i) => {
    const outcome = updated[i];
    if (outcome.kind === 'gone') {
      tally.skip('post', item.post.sourceId, item.line, 'deleted here since it was imported; left deleted');
      for (const comment of item.post.comments)
        tally.skip('comment', comment.sourceId, item.line, 'its post was deleted here');
    } else {
      tally.count('posts', outcome.kind);
      written.push({ item, id: item.postId!, slug: outcome.slug });
    }
  });
  const wanted: ImportedRedirect[] = [];
  const remembered: SourceRow[] = [];
  for (const { item, id, slug } of written) {
    for (const note of item.mapped.notes) tally.note('post', item.post.sourceId, item.line, note);
    remembered.push({ sourceId: item.post.sourceId, targetId: id, hash: item.hash });
    const path = oldPathOf(ctx, item, tally);
    if (path !== null) wanted.push({ path, postId: id, location: ctx.paths.postPath(slug) });
  }
  const redirects = await addImportedRedirects(m, ctx.paths, wanted);
  tally.count('redirects', 'created', redirects.created.length);
  tally.count('redirects', 'unchanged', redirects.unchanged.length);
  for (const refused of redirects.refused) {
    const item = written.find((w) => w.id === refused.postId)!.item;
    tally.skip('redirect', item.post.sourceId, item.line, `${refused.path}: ${refused.reason}`);
  }
  for (const path of redirects.changedPaths) keys.add(CacheKey.path(path));
  await ctx.sources.record(m, 'post', remembered);
  const comments: CommentToWrite[] = [...written, ...batch.known.map((item) => ({ item, id: item.postId }))].flatMap(
    ({ item, id }) => item.post.comments.map((comment) => ({ postId: id, comment, line: item.line })),
  );
  return writeComments(m, ctx.sources, comments, tally, keys);
}
