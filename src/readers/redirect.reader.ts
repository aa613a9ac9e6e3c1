import { CacheKey } from '../domain/cache-keys';
import { SitePaths } from '../domain/site-paths';
import { Post } from '../entities/post.entity';
import { Redirect } from '../entities/redirect.entity';
import { ForbiddenError } from '../errors/api-errors';
import { REDIRECT_READ_COLUMNS } from '../loaders/redirect.loaders';
import { Connection } from '../pagination/connection';
import { keysetPage } from '../pagination/keyset-page';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size';
import { BY_CREATED_AT_DESC } from '../pagination/sort-orders';
import { canManageRedirects, canSeeRedirect } from '../policy/redirect.policy';
import { ForwardPage, PostReader } from './post.reader';
import { ReaderScope } from './reader-scope';

/** What a path of the public site leads to: a post shown there, a redirect, or neither (a 404). */
export interface PathResolution {
  post: Post | null;
  redirect: Redirect | null;
}

/** The only way to redirects: resolveUrl for anyone, by id and the list for editors and admins. */
export class RedirectReader {
  constructor(
    private readonly scope: ReaderScope,
    private readonly posts: PostReader,
    private readonly paths: SitePaths,
  ) {}

  /**
   * Query.resolveUrl: the post whose current path this is, when the viewer may see it (its
   * post policy, through the post reader); else the redirect from it, unless that leads to a
   * post they may not see. A redirect at the path of a post the viewer sees (a post created at
   * a redirected path) is passed over: a visible post's path is never redirected.
   */
  async resolve(rawPath: string): Promise<PathResolution> {
    const path = this.paths.path(rawPath, 'path');
    // Whatever is found, a redirect made, removed or repointed here, or a post moving here, purges it.
    this.scope.cacheKeys.add(CacheKey.path(path));
    const slug = this.paths.slugAt(path);
    // bySlug notes the post's key, or the list key when it finds nothing visible (publishing purges that).
    const post = slug === null ? null : await this.posts.bySlug(slug);
    if (post) return { post, redirect: null };
    const redirect = await this.scope.loaders.redirectByPath.load(path);
    return { post: null, redirect: redirect && (await this.isVisible(redirect)) ? redirect : null };
  }

  private async isVisible(redirect: Redirect): Promise<boolean> {
    if (redirect.postId === null) return true;
    // Publishing or taking down the post it leads to changes the answer.
    this.scope.cacheKeys.add(CacheKey.post(redirect.postId));
    const post = await this.scope.loaders.postById.load(redirect.postId);
    return canSeeRedirect(this.scope.viewer(), redirect, post);
  }

  /** node(id:): editors and admins; anyone else finds nothing. */
  async byId(id: string): Promise<Redirect | null> {
    if (!canManageRedirects(this.scope.viewer())) return null;
    return this.scope.loaders.redirectById.load(id);
  }

  /** Redirect.post: the post it leads to, when it leads to one the viewer may see. */
  postOf(redirect: Redirect): Promise<Post | null> | null {
    return redirect.postId === null ? null : this.posts.byId(redirect.postId);
  }

  /** Query.redirects: every redirect, newest first; editors and admins only. */
  list(page: ForwardPage): Promise<Connection<Redirect>> {
    if (!canManageRedirects(this.scope.viewer())) throw new ForbiddenError();
    return keysetPage<Redirect>(
      this.scope.db,
      {
        select: `SELECT ${REDIRECT_READ_COLUMNS}`,
        from: 'FROM redirects r',
        where: [],
        params: [],
        order: BY_CREATED_AT_DESC,
      },
      { first: page.first ?? DEFAULT_PAGE_SIZE, after: page.after },
    );
  }
}
