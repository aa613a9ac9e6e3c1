import { queryJsonRows } from '../db/json-rows';
import { CacheKey } from '../domain/cache-keys';
import { PostStatus } from '../domain/enums';
import { normalizeTag } from '../domain/tag';
import { Post } from '../entities/post.entity';
import { POST_READ_COLUMNS } from '../loaders/post-by-id.loader';
import { Connection, emptyConnection } from '../pagination/connection';
import { PageRequest, keysetPage } from '../pagination/keyset-page';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size';
import { BY_PUBLISHED_AT, BY_SEARCH_RANK, BY_UPDATED_AT } from '../pagination/sort-orders';
import {
  canListUnpublished,
  canSeePost,
  editablePostSql,
  publicListSql,
  servedStatus,
  servedStatusSql,
} from '../policy/post.policy';
import { ListedPost, PostListPrefetch, listedColumns, primeListed } from './listed-posts';
import { ReaderScope } from './reader-scope';

/** Narrows Query.posts; GraphQL's PostFilter implements it. */
export interface PostListFilter {
  tag?: string | null;
  authorSlug?: string | null;
  featured?: boolean | null;
  /** Anything but PUBLISHED is the staff view: what the viewer may see in that status. */
  status?: PostStatus | null;
}

/** A forward page of children (Author.posts, Post.comments). */
export interface ForwardPage {
  first?: number | null;
  after?: string | null;
}

const MAX_SEARCH_LENGTH = 200;

/** The only way to posts: every method answers what the viewer may see under the post policy. */
export class PostReader {
  constructor(private readonly scope: ReaderScope) {}

  private visibleOrNull(post: Post | null): Post | null {
    if (!post || !canSeePost(this.scope.viewer(), post)) return null;
    this.scope.cacheKeys.add(CacheKey.post(post.id));
    return post;
  }

  /** Puts what was read with a list's posts into the request's loaders (see primeListed). */
  private withPrefetched<T extends ListedPost[] | Connection<ListedPost>>(posts: T, prefetch?: PostListPrefetch): T {
    primeListed(this.scope.loaders, Array.isArray(posts) ? posts : posts.nodes, prefetch);
    return posts;
  }

  /** Notes the keys of a list: every list of posts, plus each post in it. */
  private listed<T extends Post[] | Connection<Post>>(posts: T, ...keys: string[]): T {
    const nodes = Array.isArray(posts) ? posts : posts.nodes;
    const { cacheKeys } = this.scope;
    cacheKeys.add(CacheKey.postLists);
    for (const key of keys) cacheKeys.add(key);
    for (const post of nodes) cacheKeys.add(CacheKey.post(post.id));
    return posts;
  }

  async byId(id: string): Promise<Post | null> {
    // Found or not, the answer changes with this post: publishing it purges the key.
    this.scope.cacheKeys.add(CacheKey.post(id));
    return this.visibleOrNull(await this.scope.loaders.postById.load(id));
  }

  async bySlug(slug: string): Promise<Post | null> {
    const post = this.visibleOrNull(await this.scope.loaders.postBySlug.load(slug));
    // A slug that names nothing visible yet may name a post published (or renamed) later: every
    // such change purges the list key.
    if (!post) this.scope.cacheKeys.add(CacheKey.postLists);
    return post;
  }

  /** Post.body: read with the post by writes, else loaded on demand (feeds do not ask for it). */
  bodyOf(post: Post): string | Promise<string> {
    return post.body ?? this.scope.loaders.postBodyById.load(post.id);
  }

  /** The status clients see (a scheduled post whose moment has passed is PUBLISHED). */
  statusOf(post: Post): PostStatus {
    return servedStatus(post);
  }

  /**
   * Query.posts: the live feed by default, newest first; in another status, what the viewer may
   * see in it (authors their own, editors all, readers nothing), drafts and archived posts last
   * touched first.
   */
  list(
    filter: PostListFilter | null | undefined,
    page: PageRequest,
    prefetch?: PostListPrefetch,
  ): Promise<Connection<Post>> {
    const status = filter?.status ?? PostStatus.PUBLISHED;
    const params: unknown[] = [];
    const where: string[] = [];
    let order = BY_PUBLISHED_AT;
    if (status === PostStatus.PUBLISHED) {
      where.push(publicListSql('p'));
    } else {
      const viewer = this.scope.viewer();
      if (!canListUnpublished(viewer)) return Promise.resolve(emptyConnection<Post>());
      where.push(servedStatusSql(status, 'p'), editablePostSql(viewer, 'p', params));
      if (status !== PostStatus.SCHEDULED) order = BY_UPDATED_AT;
    }
    const keys = this.filtered(filter ?? {}, where, params);
    return keysetPage<ListedPost>(
      this.scope.db,
      { select: `SELECT ${listedColumns(prefetch)}`, from: 'FROM posts p', where, params, order, json: true },
      page,
    ).then((posts) => this.listed(this.withPrefetched(posts, prefetch), ...keys));
  }

  /**
   * The filters lists share (a tag, an author by slug, featured or not) as WHERE parts, with the
   * cache keys they add to the answer.
   */
  private filtered(
    filter: Pick<PostListFilter, 'tag' | 'authorSlug' | 'featured'>,
    where: string[],
    params: unknown[],
  ): string[] {
    const keys: string[] = [];
    if (filter.tag != null) {
      const tag = normalizeTag(filter.tag);
      params.push([tag]);
      where.push(`p.tags @> $${params.length}::text[]`);
      keys.push(CacheKey.tag(tag));
    }
    if (filter.authorSlug != null) {
      params.push(filter.authorSlug);
      where.push(`p.author_id = (SELECT id FROM authors WHERE slug = $${params.length})`);
    }
    if (filter.featured != null) {
      params.push(filter.featured);
      where.push(`p.featured = $${params.length}`);
      if (filter.featured) keys.push(CacheKey.featured);
    }
    return keys;
  }

  /** Full-text search over live posts (title weighs most, then excerpt, then body), best match first. */
  async search(text: string, page: PageRequest, prefetch?: PostListPrefetch): Promise<Connection<Post>> {
    const query = text.trim().slice(0, MAX_SEARCH_LENGTH);
    if (!query) return emptyConnection();
    return keysetPage<ListedPost>(
      this.scope.db,
      {
        select: `SELECT ${listedColumns(prefetch)}`,
        from: `FROM posts p, websearch_to_tsquery('english', $1) q`,
        where: ['p.search @@ q', publicListSql('p')],
        params: [query],
        order: BY_SEARCH_RANK,
        json: true,
      },
      page,
    ).then((posts) => this.listed(this.withPrefetched(posts, prefetch)));
  }

  /** Live featured posts, newest first. */
  async featured(limit: number, prefetch?: PostListPrefetch): Promise<Post[]> {
    const posts = await queryJsonRows<ListedPost>(
      this.scope.db,
      `SELECT ${listedColumns(prefetch)} FROM posts p WHERE p.featured AND ${publicListSql('p')}
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1`,
      [limit],
    );
    return this.listed(this.withPrefetched(posts, prefetch), CacheKey.featured);
  }

  /** Tags of live posts with how many carry each, most used first. */
  async tagCounts(limit: number): Promise<Array<{ tag: string; count: number }>> {
    this.scope.cacheKeys.add(CacheKey.postLists);
    return (await this.scope.db.query(
      `SELECT tag, count(*)::int AS count FROM posts p, unnest(p.tags) AS tag
       WHERE ${publicListSql('p')} GROUP BY tag ORDER BY count DESC, tag ASC LIMIT $1`,
      [limit],
    )) as Array<{ tag: string; count: number }>;
  }

  /** Author.posts: the author's live posts, newest first. */
  ofAuthor(authorId: string, page: ForwardPage): Promise<Connection<Post>> {
    return this.scope.loaders.postsByAuthor
      .load({ parentId: authorId, first: page.first ?? DEFAULT_PAGE_SIZE, after: page.after ?? null })
      .then((posts) => this.listed(posts, CacheKey.author(authorId)));
  }

  /**
   * Feeds: the newest live posts, of one tag or one author (by slug) when asked, with their
   * bodies (feeds carry the full text).
   */
  async newestForFeed(filter: { tag?: string; authorSlug?: string }, limit: number): Promise<Post[]> {
    const params: unknown[] = [limit];
    const where = [publicListSql('p')];
    const keys = this.filtered(filter, where, params);
    const posts = (await this.scope.db.query(
      `SELECT ${POST_READ_COLUMNS}, p.body FROM posts p WHERE ${where.join(' AND ')}
       ORDER BY p.published_at DESC, p.id DESC LIMIT $1`,
      params,
    )) as Post[];
    // Their authors' keys come with the bylines, read through the author reader.
    return this.listed(posts, ...keys);
  }

  /**
   * When anything readers see last changed (the newest event), so a feed's Last-Modified moves
   * when a post leaves it too (an unpublish changes no remaining post). Null before any change.
   */
  async contentChangedAt(): Promise<Date | null> {
    const [row] = (await this.scope.db.query(
      `SELECT occurred_at AS "occurredAt" FROM events ORDER BY seq DESC LIMIT 1`,
      [],
    )) as Array<{ occurredAt: Date }>;
    return row?.occurredAt ?? null;
  }

  /** Sitemaps: live posts, newest first, published since `since` when given; at most `limit`. */
  async liveForSitemap(
    limit: number,
    since?: Date,
  ): Promise<Array<Pick<Post, 'slug' | 'title' | 'publishedAt' | 'updatedAt'>>> {
    this.scope.cacheKeys.add(CacheKey.postLists);
    const params: unknown[] = [limit];
    const where = [publicListSql('p')];
    if (since) {
      params.push(since);
      where.push(`p.published_at >= $${params.length}`);
    }
    return (await this.scope.db.query(
      `SELECT p.slug, p.title, p.published_at AS "publishedAt", p.updated_at AS "updatedAt" FROM posts p
       WHERE ${where.join(' AND ')} ORDER BY p.published_at DESC, p.id DESC LIMIT $1`,
      params,
    )) as Array<Pick<Post, 'slug' | 'title' | 'publishedAt' | 'updatedAt'>>;
  }

  /** Post.relatedPosts: curated live posts first, then live posts sharing the most tags. */
  relatedTo(postId: string, limit: number): Promise<Post[]> {
    return this.scope.loaders.relatedPostsByPost.load({ postId, limit }).then((posts) => this.listed(posts));
  }
}
