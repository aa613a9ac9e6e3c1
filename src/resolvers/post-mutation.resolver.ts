import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { Post } from '../entities/post.entity';
import { targetId } from '../schema/global-id';
import { CreatePostInput, UpdatePostInput } from '../schema/post.inputs';

/** The input with `coverMediaId` as a media row id (absent and null stay as they are). */
function withCoverDecoded<T extends { coverMediaId?: string | null }>(input: T): T {
  if (input.coverMediaId == null) return input;
  return { ...input, coverMediaId: targetId(input.coverMediaId, 'Media', 'coverMediaId', 'Media') };
}

/** The post workflow's mutations: decode ids, then hand over to PostService. Signed-in authors only. */
@Resolver(() => Post)
export class PostMutationResolver {
  @Authorized()
  @Mutation(() => Post)
  createPost(@Arg('input', () => CreatePostInput) input: CreatePostInput, @Ctx() ctx: Context) {
    const authorId = input.authorId == null ? undefined : targetId(input.authorId, 'Author', 'authorId');
    return ctx.services.posts.create(ctx.viewer!, withCoverDecoded(input), authorId);
  }

  @Authorized()
  @Mutation(() => Post)
  updatePost(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdatePostInput) input: UpdatePostInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.posts.update(ctx.viewer!, targetId(id, 'Post', 'id'), expectedVersion, withCoverDecoded(input));
  }

  @Authorized()
  @Mutation(() => Post, { description: 'Publishes now, or schedules when publishAt is in the future.' })
  publishPost(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => Date, { nullable: true }) publishAt: Date | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.posts.publish(ctx.viewer!, targetId(id, 'Post', 'id'), publishAt);
  }

  @Authorized()
  @Mutation(() => Post, { description: 'Back to DRAFT.' })
  unpublishPost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.unpublish(ctx.viewer!, targetId(id, 'Post', 'id'));
  }

  @Authorized()
  @Mutation(() => Post)
  archivePost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.archive(ctx.viewer!, targetId(id, 'Post', 'id'));
  }

  @Authorized()
  @Mutation(() => Boolean)
  deletePost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.delete(ctx.viewer!, targetId(id, 'Post', 'id'));
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Post)
  setFeatured(@Arg('id', () => ID) id: string, @Arg('featured') featured: boolean, @Ctx() ctx: Context) {
    return ctx.services.posts.setFeatured(ctx.viewer!, targetId(id, 'Post', 'id'), featured);
  }

  @Authorized()
  @Mutation(() => Post)
  restoreRevision(
    @Arg('postId', () => ID) postId: string,
    @Arg('revisionId', () => ID) revisionId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.posts.restoreRevision(
      ctx.viewer!,
      targetId(postId, 'Post', 'postId'),
      targetId(revisionId, 'PostRevision', 'revisionId', 'Revision'),
      expectedVersion,
    );
  }
}
