import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RelatedLink } from '../entities/related-link.entity';
import { CommentConnection } from '../schema/comment.types';
import { isLinkVisible } from './related-link.resolver';
import { Author } from '../entities/author.entity';
import { POST_COLUMNS, Post } from '../entities/post.entity';
import { PostRevision } from '../entities/post-revision.entity';
import type { Context } from '../context';
import { PostStatus } from '../schema/enums';
import { toGlobalId, idOfType } from '../schema/global-id';
import { IdOrSlugArgs, oneOfIdOrSlug } from '../schema/lookup.args';
import { FeaturedPostsArgs, ForwardPageArgs, PageArgs, RelatedPostsArgs, TagsArgs } from '../schema/page.args';
import { PostFilter } from '../schema/post.inputs';
import { PostConnection, TagCount } from '../schema/post.types';
import { canEditPost, canSeePost, servedStatus } from '../policy/post-visibility';
import { featuredPosts, listPosts, searchPosts, tagCounts } from '../queries/post-lists.query';

@Resolver(() => Post)
export class PostResolver {
  @Query(() => Post, { nullable: true, description: 'By id or by slug; exactly one of the two.' })
  async post(@Args() args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<Post | null> {
    const lookup = oneOfIdOrSlug(args);
    let post: Post | null;
    if ('id' in lookup) {
      const id = idOfType(lookup.id, 'Post', 'id');
      post = id ? await ctx.loaders.postById.load(id) : null;
    } else {
      const rows: Post[] = await ctx.db.query(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.slug = $1`, [lookup.slug]);
      post = rows[0] ?? null;
    }
    return post && canSeePost(ctx.viewer, post) ? post : null;
  }

  @Query(() => PostConnection, { description: 'Newest first by publishedAt (drafts: by updatedAt).' })
  posts(
    @Args() page: PageArgs,
    @Arg('filter', () => PostFilter, { nullable: true }) filter: PostFilter | null,
    @Ctx() ctx: Context,
  ) {
    return listPosts(ctx.db, ctx.viewer, filter, page);
  }

  @Query(() => [Post], { description: 'Featured published posts, newest first.' })
  featuredPosts(@Args() { limit }: FeaturedPostsArgs, @Ctx() ctx: Context) {
    return featuredPosts(ctx.db, limit ?? 5);
  }

  @Query(() => PostConnection, { description: 'Full-text search over published posts, best match first.' })
  search(@Arg('query') query: string, @Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return searchPosts(ctx.db, query, page);
  }

  @Query(() => [TagCount], { description: 'Tags of published posts, most used first.' })
  tags(@Args() { limit }: TagsArgs, @Ctx() ctx: Context) {
    return tagCounts(ctx.db, limit ?? 50);
  }

  @FieldResolver(() => ID)
  id(@Root() post: Post): string {
    return toGlobalId('Post', post.id);
  }

  @FieldResolver(() => PostStatus)
  status(@Root() post: Post): PostStatus {
    return servedStatus(post);
  }

  @FieldResolver(() => Author)
  async author(@Root() post: Post, @Ctx() ctx: Context): Promise<Author> {
    return (await ctx.loaders.authorById.load(post.authorId))!;
  }

  @FieldResolver(() => Int, { description: 'Approved comments on this post, replies included.' })
  commentCount(@Root() post: Post, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.commentCountByPost.load(post.id);
  }

  @FieldResolver(() => CommentConnection, { description: 'Approved top-level comments, oldest first.' })
  comments(@Root() post: Post, @Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.loaders.commentsByPost.load({ parentId: post.id, first: page.first ?? 20, after: page.after ?? null });
  }

  @FieldResolver(() => [RelatedLink], { description: "Curated links, in the editor's order." })
  async relatedLinks(@Root() post: Post, @Ctx() ctx: Context): Promise<RelatedLink[]> {
    const links = await ctx.loaders.relatedLinksByPost.load(post.id);
    const visible = await Promise.all(links.map((link) => isLinkVisible(link, ctx)));
    return links.filter((_link, i) => visible[i]);
  }

  @FieldResolver(() => [Post], {
    description:
      'Curated related posts first (editor order), then automatic suggestions: the posts sharing the most tags with this one, ' +
      'newer first among equals. Published posts only, never this post itself, no duplicates.',
  })
  relatedPosts(@Root() post: Post, @Args() { limit }: RelatedPostsArgs, @Ctx() ctx: Context): Promise<Post[]> {
    return ctx.loaders.relatedPostsByPost.load({ postId: post.id, limit: limit ?? 5 });
  }

  @FieldResolver(() => [PostRevision], { description: 'Earlier versions of the post, newest first. Its author, editors and admins only.' })
  async revisions(@Root() post: Post, @Ctx() ctx: Context): Promise<PostRevision[]> {
    return canEditPost(ctx.viewer, post) ? ctx.loaders.revisionsByPost.load(post.id) : [];
  }
}
