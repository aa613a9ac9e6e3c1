import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { CacheKey } from '../domain/cache-keys';
import { RedirectSource } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { SitePaths } from '../domain/site-paths';
import { isSitePath } from '../domain/url-path';
import { selectList } from '../entities/columns';
import { Redirect } from '../entities/redirect.entity';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { noteChangedKeys } from '../events/committed-changes';
import { NewEvent } from '../events/event';
import { recordEvents } from '../events/outbox';
import { livePostSql } from '../policy/post.policy';
import { canManageRedirects } from '../policy/redirect.policy';
import { NewRedirect, RedirectCommand } from './redirect.commands';

const REDIRECT_COLUMNS = selectList(Redirect, 'r');

/**
 * What resolveUrl answers changed at `paths`. Every event purges the list key too, so an answer
 * tagged with it alone (too big to name its keys) is purged as well.
 */
function redirectCreated(redirect: Redirect, paths: string[]): NewEvent {
  return {
    type: 'redirect.created',
    postId: redirect.postId ?? undefined,
    cacheKeys: [...new Set(paths)].map((path) => CacheKey.path(path)).concat(CacheKey.postLists),
    payload: {
      redirectId: toGlobalId('Redirect', redirect.id),
      path: redirect.path,
      location: redirect.location,
      permanent: redirect.permanent,
      source: redirect.source,
    },
  };
}

/**
 * Redirects from old paths of the public site, so old links keep working: a post's old slugs
 * (recorded with the slug change, in its transaction), editors' own, and an import's. Chains
 * collapse as they form (no location is a redirected path), a loop is refused, and a path where
 * a published post is shown is never redirected. Every write takes one lock first, before any
 * post row, so two writes cannot make a loop between them and lock in one order.
 */
export class RedirectService {
  constructor(
    private readonly db: EntityManager,
    private readonly paths: SitePaths,
  ) {}

  /** Serialises redirect writes until the transaction ends; a post's slug change takes it before the post's row. */
  async lock(m: EntityManager): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['broadsheet:redirects']);
  }

  /** createRedirect: editors and admins. */
  async create(viewer: Viewer, input: NewRedirect): Promise<Redirect> {
    if (!canManageRedirects(viewer)) throw new ForbiddenError('Only editors and admins manage redirects.');
    return this.add({ ...input, source: RedirectSource.MANUAL });
  }

  /**
   * A redirect from `command.path`, in a transaction of its own (a savepoint in the caller's).
   * CONFLICT when the path has a redirect already, when a published post is shown there, or
   * when it would lead back to itself. For trusted callers (the importer) as they are; editors
   * come through `create`.
   */
  async add(command: RedirectCommand): Promise<Redirect> {
    const path = this.paths.path(command.path, 'path');
    const location = this.paths.location(command.location);
    if (location === path) throw new ConflictError('A redirect cannot lead to its own path.', 'location');
    return inTransaction(this.db, async (m) => {
      await this.lock(m);
      if ((await this.postAt(m, path))?.live) {
        throw new ConflictError('A published post is shown at that path; it cannot be redirected.', 'path');
      }
      const taken: unknown[] = await m.query('SELECT 1 FROM redirects WHERE path = $1', [path]);
      if (taken.length > 0) {
        throw new ConflictError('That path has a redirect already; delete it first to send it elsewhere.', 'path');
      }
      const { destination, postId } = await this.destinationOf(m, location, command.postId ?? null);
      if (destination === path) {
        throw new ConflictError('That would be a loop: where it leads redirects back to its path.', 'location');
      }
      const [redirect]: Redirect[] = await m.query(
        `INSERT INTO redirects AS r (path, location, permanent, source, post_id) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${REDIRECT_COLUMNS}`,
        [path, destination, command.permanent ?? true, command.source, postId],
      );
      const repointed = await this.repoint(m, path, destination, postId);
      await recordEvents(m, [redirectCreated(redirect, [path, ...repointed])]);
      return redirect;
    });
  }

  /**
   * In the transaction of a post's slug change (which took `lock` before the post's row): the
   * old path leads to the new one, permanently; redirects that led to the old path lead to the
   * new one (chains collapse); a redirect from the new path goes, since the post is shown there
   * now (a slug taken back leaves no loop).
   */
  async slugChanged(m: EntityManager, postId: string, from: string, to: string): Promise<void> {
    const oldPath = this.paths.postPath(from);
    const newPath = this.paths.postPath(to);
    await this.lock(m);
    const freed = returningRows<{ path: string }>(
      await m.query('DELETE FROM redirects WHERE path = $1 RETURNING path', [newPath]),
    );
    const repointed = await this.repoint(m, oldPath, newPath, postId);
    // A redirect from the old path existed only while the post shadowed it (it was made at a
    // redirected path): its old address is its own now.
    const [redirect]: Redirect[] = await m.query(
      `INSERT INTO redirects AS r (path, location, permanent, source, post_id) VALUES ($1, $2, true, $3, $4)
       ON CONFLICT (path) DO UPDATE SET location = EXCLUDED.location, permanent = true, source = EXCLUDED.source,
         post_id = EXCLUDED.post_id, created_at = now()
       RETURNING ${REDIRECT_COLUMNS}`,
      [oldPath, newPath, RedirectSource.SLUG_CHANGE, postId],
    );
    await recordEvents(m, [
      redirectCreated(redirect, [oldPath, newPath, ...freed.map((row) => row.path), ...repointed]),
    ]);
  }

  /**
   * deleteRedirect: editors and admins. The contract's events name no removed redirect, so one
   * that led to a post is announced as a change of that post (how readers reach it changed),
   * which purges CDNs and every instance; one that led nowhere else is dropped from this
   * instance's response cache at commit, and elsewhere when its max-age runs out.
   */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    if (!canManageRedirects(viewer)) throw new ForbiddenError('Only editors and admins manage redirects.');
    return inTransaction(this.db, async (m) => {
      await this.lock(m);
      const [gone] = returningRows<{ path: string; postId: string | null; authorId: string | null }>(
        await m.query(
          `DELETE FROM redirects r WHERE r.id = $1
           RETURNING r.path, r.post_id AS "postId", (SELECT author_id FROM posts WHERE id = r.post_id) AS "authorId"`,
          [id],
        ),
      );
      if (!gone) throw new NotFoundError('Redirect');
      const cacheKeys = [CacheKey.path(gone.path), CacheKey.postLists];
      if (gone.postId === null) noteChangedKeys(m, cacheKeys);
      else {
        const { postId, authorId } = gone;
        cacheKeys.push(CacheKey.post(postId));
        await recordEvents(m, [{ type: 'post.updated', postId, authorId: authorId ?? undefined, cacheKeys }]);
      }
      return true;
    });
  }

  /** The post whose current path this is, and whether readers see it now. */
  private async postAt(m: EntityManager, path: string): Promise<{ id: string; live: boolean } | null> {
    const slug = this.paths.slugAt(path);
    if (slug === null) return null;
    const [post]: Array<{ id: string; live: boolean }> = await m.query(
      `SELECT p.id, ${livePostSql('p')} AS live FROM posts p WHERE p.slug = $1`,
      [slug],
    );
    return post ?? null;
  }

  /**
   * Where a new redirect to `location` ends: a post's path (the redirect is that post's), or,
   * for a redirected path, where that one leads (chains collapse), else `location` itself.
   */
  private async destinationOf(
    m: EntityManager,
    location: string,
    postId: string | null,
  ): Promise<{ destination: string; postId: string | null }> {
    if (!isSitePath(location)) return { destination: location, postId };
    const post = await this.postAt(m, location);
    if (post) return { destination: location, postId: post.id };
    const [onward]: Array<{ location: string; postId: string | null }> = await m.query(
      'SELECT location, post_id AS "postId" FROM redirects WHERE path = $1',
      [location],
    );
    return onward ? { destination: onward.location, postId: onward.postId } : { destination: location, postId };
  }

  /**
   * Redirects that led to `from` lead to `to` now (and to its post); one that would lead to
   * itself goes instead. Answers the paths whose answer changed.
   */
  private async repoint(m: EntityManager, from: string, to: string, postId: string | null): Promise<string[]> {
    const dropped = returningRows<{ path: string }>(
      await m.query('DELETE FROM redirects WHERE location = $1 AND path = $2 RETURNING path', [from, to]),
    );
    const moved = returningRows<{ path: string }>(
      await m.query('UPDATE redirects SET location = $2, post_id = $3 WHERE location = $1 RETURNING path', [
        from,
        to,
        postId,
      ]),
    );
    return [...dropped, ...moved].map((row) => row.path);
  }
}
