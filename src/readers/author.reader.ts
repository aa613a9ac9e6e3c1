import { CacheKey } from '../domain/cache-keys';
import { Role } from '../domain/enums';
import { Author } from '../entities/author.entity';
import { AUTHOR_READ_COLUMNS } from '../loaders/author-by-id.loader';
import { Connection } from '../pagination/connection';
import { PageRequest, keysetPage } from '../pagination/keyset-page';
import { BY_NAME } from '../pagination/sort-orders';
import { canSeeEmail, canSeeRole, visibleAuthorSql } from '../policy/author.policy';
import { ReaderScope } from './reader-scope';

/** The only way to authors and their guarded fields, under the author policy. */
export class AuthorReader {
  constructor(private readonly scope: ReaderScope) {}

  private async findVisible(column: 'a.id' | 'a.slug', value: string): Promise<Author | null> {
    const rows = (await this.scope.db.query(
      `SELECT ${AUTHOR_READ_COLUMNS} FROM authors a WHERE ${column} = $1 AND ${visibleAuthorSql(this.scope.viewer(), 'a')}`,
      [value],
    )) as Author[];
    return rows[0] ?? null;
  }

  private noted<T extends Author | null>(author: T): T {
    if (author) this.scope.cacheKeys.add(CacheKey.author(author.id));
    return author;
  }

  async byId(id: string): Promise<Author | null> {
    this.scope.cacheKeys.add(CacheKey.author(id));
    return this.noted(await this.findVisible('a.id', id));
  }

  async bySlug(slug: string): Promise<Author | null> {
    const author = this.noted(await this.findVisible('a.slug', slug));
    // Readers see the authors of live posts: one may appear with a first post (list key).
    if (!author) this.scope.cacheKeys.add(CacheKey.postLists);
    return author;
  }

  /** Query.authors: the authors the viewer may see, by name. */
  list(page: PageRequest): Promise<Connection<Author>> {
    return keysetPage<Author>(
      this.scope.db,
      {
        select: `SELECT ${AUTHOR_READ_COLUMNS}`,
        from: 'FROM authors a',
        where: [visibleAuthorSql(this.scope.viewer(), 'a')],
        params: [],
        order: BY_NAME,
        json: true,
      },
      page,
    ).then((authors) => {
      // Who is listed changes with publishing (readers see the authors of live posts).
      this.scope.cacheKeys.add(CacheKey.postLists);
      for (const author of authors.nodes) this.noted(author);
      return authors;
    });
  }

  /** Query.me: the signed-in author, or null. */
  me(): Promise<Author | null> | null {
    const viewer = this.scope.viewer();
    return viewer ? this.scope.loaders.authorById.load(viewer.id) : null;
  }

  /** The author credited on something the viewer sees (byline, comment signature, revision editor). */
  async credited(authorId: string): Promise<Author> {
    return this.noted((await this.scope.loaders.authorById.load(authorId))!);
  }

  emailOf(author: Author): string | null {
    return canSeeEmail(this.scope.viewer(), author) ? author.email : null;
  }

  roleOf(author: Author): Role | null {
    return canSeeRole(this.scope.viewer()) ? author.role : null;
  }
}
