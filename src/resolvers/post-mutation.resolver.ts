import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Post } from '../entities/post.entity';
import type { Context } from '../context';
import { Role } from '../schema/enums';
import { idOfType } from '../schema/global-id';
import { CreatePostInput, UpdatePostInput } from '../schema/post.inputs';

/** The post workflow's mutations: parse ids, then hand over to PostService. Signed-in authors only. */
@Resolver(() => Post)
export class PostMutationResolver {
  @Authorized()
  @Mutation(() => Post)
  createPost(@Arg('input', () => CreatePostInput) input: CreatePostInput, @Ctx() ctx: Context) {
    const authorId = input.authorId == null ? undefined : idOfType(input.authorId, 'Author', 'authorId');
    return ctx.services.posts.create(ctx.viewer!, input, authorId);
  }

  @Authorized()
  @Mutation(() => Post)
  updatePost(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdatePostInput) input: UpdatePostInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.posts.update(ctx.viewer!, idOfType(id, 'Post', 'id'), expectedVersion, input);
  }

  @Authorized()
  @Mutation(() => Post, { description: 'Publishes now, or schedules when publishAt is in the future.' })
  publishPost(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => Date, { nullable: true }) publishAt: Date | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.posts.publish(ctx.viewer!, idOfType(id, 'Post', 'id'), publishAt);
  }

  @Authorized()
  @Mutation(() => Post, { description: 'Back to DRAFT.' })
  unpublishPost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.unpublish(ctx.viewer!, idOfType(id, 'Post', 'id'));
  }

  @Authorized()
  @Mutation(() => Post)
  archivePost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.archive(ctx.viewer!, idOfType(id, 'Post', 'id'));
  }

  @Authorized()
  @Mutation(() => Boolean)
  deletePost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.posts.delete(ctx.viewer!, idOfType(id, 'Post', 'id'));
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Post)
  setFeatured(@Arg('id', () => ID) id: string, @Arg('featured') featured: boolean, @Ctx() ctx: Context) {
    return ctx.services.posts.setFeatured(ctx.viewer!, idOfType(id, 'Post', 'id'), featured);
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
      idOfType(postId, 'Post', 'postId'),
      idOfType(revisionId, 'PostRevision', 'revisionId'),
      expectedVersion,
    );
  }
}
