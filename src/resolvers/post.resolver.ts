import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { PostStatus } from '../domain/enums';
import { POST_BODY_MAX, longText } from '../domain/text-size';
import { Author } from '../entities/author.entity';
import { Media } from '../entities/media.entity';
import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { DEFAULT_LIST_LIMITS } from '../pagination/page-size';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { CommentConnection } from '../schema/comment.types';
import { lookupId, toGlobalId } from '../schema/global-id';
import { IdOrSlugArgs, oneOfIdOrSlug } from '../schema/lookup.args';
import { FeaturedPostsArgs, ForwardPageArgs, PageArgs, RelatedPostsArgs, TagsArgs } from '../schema/page.args';
import { Parent } from '../schema/parent.decorator';
import { postListPrefetch } from '../schema/post-list-prefetch';
import { PostFilter } from '../schema/post.inputs';
import { PostConnection, TagCount } from '../schema/post.types';

@Resolver(() => Post)
export class PostResolver {
  @Query(() => Post, { nullable: true, description: 'By id or by slug; exactly one of the two.' })
  async post(@Args() args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<Post | null> {
    const lookup = oneOfIdOrSlug(args);
    if ('slug' in lookup) return ctx.readers.posts.bySlug(lookup.slug);
    const id = lookupId(lookup.id, 'Post', 'id');
    return id ? ctx.readers.posts.byId(id) : null;
  }

  @Query(() => PostConnection, { description: 'Newest first by publishedAt (drafts: by updatedAt).' })
  posts(
    @Args() page: PageArgs,
    @Arg('filter', () => PostFilter, { nullable: true }) filter: PostFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.readers.posts.list(filter, page, postListPrefetch(info, 'connection', ctx.facts));
  }

  @Query(() => [Post], { description: 'Featured published posts, newest first.' })
  featuredPosts(@Args() { limit }: FeaturedPostsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.readers.posts.featured(
      limit ?? DEFAULT_LIST_LIMITS.featuredPosts,
      postListPrefetch(info, 'list', ctx.facts),
    );
  }

  @Query(() => PostConnection, { description: 'Full-text search over published posts, best match first.' })
  search(
    @Arg('query') query: string,
    @Args() page: ForwardPageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.readers.posts.search(query, page, postListPrefetch(info, 'connection', ctx.facts));
  }

  @Query(() => [TagCount], { description: 'Tags of published posts, most used first.' })
  tags(@Args() { limit }: TagsArgs, @Ctx() ctx: Context) {
    return ctx.readers.posts.tagCounts(limit ?? DEFAULT_LIST_LIMITS.tags);
  }

  @FieldResolver(() => ID)
  id(@Parent() post: Post): string {
    return toGlobalId('Post', post.id);
  }

  @FieldResolver(() => String, { description: 'Sanitized HTML.' })
  @Extensions(longText(POST_BODY_MAX))
  body(@Parent() post: Post, @Ctx() ctx: Context): string | Promise<string> {
    return ctx.readers.posts.bodyOf(post);
  }

  @FieldResolver(() => PostStatus)
  status(@Parent() post: Post, @Ctx() ctx: Context): PostStatus {
    return ctx.readers.posts.statusOf(post);
  }

  @FieldResolver(() => Author)
  author(@Parent() post: Post, @Ctx() ctx: Context): Promise<Author> {
    return ctx.readers.authors.credited(post.authorId);
  }

  @FieldResolver(() => Media, {
    nullable: true,
    description: 'The cover image from the media library, when one is set (coverImageUrl stays for external images).',
  })
  cover(@Parent() post: Post, @Ctx() ctx: Context): Promise<Media | null> {
    return ctx.readers.media.coverOf(post);
  }

  @FieldResolver(() => Int, { description: 'Approved comments on this post, replies included.' })
  commentCount(@Parent() post: Post, @Ctx() ctx: Context): Promise<number> {
    return ctx.readers.comments.countOf(post.id);
  }

  @FieldResolver(() => CommentConnection, { description: 'Approved top-level comments, oldest first.' })
  comments(@Parent() post: Post, @Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.readers.comments.threadOf(post.id, page);
  }

  @FieldResolver(() => [RelatedLink], { description: "Curated links, in the editor's order." })
  relatedLinks(@Parent() post: Post, @Ctx() ctx: Context): Promise<RelatedLink[]> {
    return ctx.readers.relatedLinks.ofPost(post);
  }

  @FieldResolver(() => [Post], {
    description:
      'Curated related posts first (editor order), then automatic suggestions: among the newest stories of each of ' +
      "this post's tags, those sharing the most tags with it, newer first among equals. Published posts only, " +
      'never this post itself, no duplicates.',
  })
  relatedPosts(@Parent() post: Post, @Args() { limit }: RelatedPostsArgs, @Ctx() ctx: Context): Promise<Post[]> {
    return ctx.readers.posts.relatedTo(post.id, limit ?? DEFAULT_LIST_LIMITS.relatedPosts);
  }

  @DependsOnViewer()
  @FieldResolver(() => [PostRevision], {
    description: 'Earlier versions of the post, newest first. Its author, editors and admins only.',
  })
  revisions(@Parent() post: Post, @Ctx() ctx: Context): Promise<PostRevision[]> {
    return ctx.readers.revisions.ofPost(post);
  }
}
