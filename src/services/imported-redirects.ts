import { EntityManager } from 'typeorm';
import { returningRows } from '../db/returning-rows';
import { RedirectSource } from '../domain/enums';
import { SitePaths } from '../domain/site-paths';
import { livePostSql } from '../policy/post.policy';

/** An old address of a post, as an import brings it. */
export interface ImportedRedirect {
  /** The old path, normalised (SitePaths.path). */
  path: string;
  /** The post it leads to, at its current path. */
  postId: string;
  location: string;
}

export interface ImportedRedirectsOutcome {
  created: ImportedRedirect[];
  /** Already there, leading to the same post (an earlier import of the same file). */
  unchanged: ImportedRedirect[];
  refused: Array<ImportedRedirect & { reason: string }>;
  /** Paths whose resolveUrl answers changed: those redirected now, and those repointed onto them. */
  changedPaths: string[];
}

/**
 * The bulk form of RedirectService.add for an import, with its rules: a path where a published
 * post is shown is never redirected, a path that has a redirect keeps it, and redirects that
 * led to an old path now lead to the post (chains collapse). A few statements per batch of
 * posts instead of about ten per post, and no redirect.created event per post: the import
 * announces its changes itself (src/import/import-events.ts). The caller has taken
 * `RedirectService.lock` first in its transaction, before any post row.
 */
export async function addImportedRedirects(
  m: EntityManager,
  paths: SitePaths,
  wanted: ImportedRedirect[],
): Promise<ImportedRedirectsOutcome> {
  const outcome: ImportedRedirectsOutcome = { created: [], unchanged: [], refused: [], changedPaths: [] };
  if (wanted.length === 0) return outcome;
  const existing = new Map(
    (
      (await m.query('SELECT path, post_id AS "postId" FROM redirects WHERE path = ANY($1::text[])', [
        wanted.map((redirect) => redirect.path),
      ])) as Array<{ path: string; postId: string | null }>
    ).map((row) => [row.path, row.postId]),
  );
  const slugs = wanted.map((redirect) => paths.slugAt(redirect.path)).filter((slug) => slug !== null);
  const shown = new Set(
    (
      (await m.query(`SELECT p.slug FROM posts p WHERE p.slug = ANY($1::text[]) AND ${livePostSql('p')}`, [
        slugs,
      ])) as Array<{ slug: string }>
    ).map((row) => paths.postPath(row.slug)),
  );
  const taking = new Set<string>();
  const insert: ImportedRedirect[] = [];
  for (const redirect of wanted) {
    const refuse = (reason: string) => outcome.refused.push({ ...redirect, reason });
    if (redirect.path === redirect.location) refuse('the old path is the post’s path here: nothing to redirect');
    else if (existing.has(redirect.path)) {
      if (existing.get(redirect.path) === redirect.postId) outcome.unchanged.push(redirect);
      else refuse('the old path already redirects elsewhere; left as it is');
    } else if (shown.has(redirect.path)) refuse('a published post is shown at the old path; it is not redirected');
    else if (taking.has(redirect.path)) refuse('another post of the import has the same old path');
    else {
      taking.add(redirect.path);
      insert.push(redirect);
    }
  }
  if (insert.length === 0) return outcome;
  const columns = [insert.map((r) => r.path), insert.map((r) => r.location), insert.map((r) => r.postId)];
  await m.query(
    `INSERT INTO redirects (path, location, permanent, source, post_id)
     SELECT w.path, w.location, true, $4, w.post_id FROM unnest($1::text[], $2::text[], $3::uuid[]) AS w(path, location, post_id)`,
    [...columns, RedirectSource.IMPORT],
  );
  // Chains collapse: what led to an old path leads to its post now; one that would lead to itself goes.
  const dropped = returningRows<{ path: string }>(
    await m.query(
      `DELETE FROM redirects r USING unnest($1::text[], $2::text[]) AS w(path, location)
       WHERE r.location = w.path AND r.path = w.location RETURNING r.path`,
      [columns[0], columns[1]],
    ),
  );
  const moved = returningRows<{ path: string }>(
    await m.query(
      `UPDATE redirects r SET location = w.location, post_id = w.post_id
       FROM unnest($1::text[], $2::text[], $3::uuid[]) AS w(path, location, post_id)
       WHERE r.location = w.path RETURNING r.path`,
      columns,
    ),
  );
  outcome.created = insert;
  outcome.changedPaths = [...insert.map((r) => r.path), ...dropped.map((r) => r.path), ...moved.map((r) => r.path)];
  return outcome;
}
