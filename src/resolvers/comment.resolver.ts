import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../entities/author.entity';
import { Comment } from '../entities/comment.entity';
import { Post } from '../entities/post.entity';
import type { Context } from '../context';
import { CommentStatus, Role } from '../schema/enums';
import { idOfType, toGlobalId } from '../schema/global-id';
import { AddCommentInput, ModerationQueueArgs } from '../schema/comment.inputs';
import { CommentConnection } from '../schema/comment.types';
import { canSeeComment } from '../policy/comment-visibility';
import { canSeePost } from '../policy/post-visibility';
import { moderationQueue } from '../queries/comment-lists.query';

@Resolver(() => Comment)
export class CommentResolver {
  @Query(() => Comment, { nullable: true })
  async comment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Comment | null> {
    const commentId = idOfType(id, 'Comment', 'id');
    return commentId ? visibleComment(ctx, commentId) : null;
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Query(() => CommentConnection, { description: 'Comments awaiting or past moderation, oldest first. Editors and admins only.' })
  moderationQueue(@Args() { status, ...page }: ModerationQueueArgs, @Ctx() ctx: Context) {
    return moderationQueue(ctx.db, status ?? CommentStatus.PENDING, page);
  }

  @FieldResolver(() => ID)
  id(@Root() comment: Comment): string {
    return toGlobalId('Comment', comment.id);
  }

  @FieldResolver(() => Post)
  async post(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Post> {
    return (await ctx.loaders.postById.load(comment.postId))!;
  }

  @FieldResolver(() => Comment, { nullable: true })
  parent(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Comment | null> | null {
    return comment.parentId ? visibleComment(ctx, comment.parentId) : null;
  }

  @FieldResolver(() => [Comment], { description: 'Approved replies, oldest first.' })
  replies(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Comment[]> {
    return ctx.loaders.repliesByComment.load(comment.id);
  }

  @FieldResolver(() => Author, { nullable: true, description: 'Set when a signed-in staff member wrote the comment.' })
  author(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Author | null> | null {
    return comment.authorId ? ctx.loaders.authorById.load(comment.authorId) : null;
  }

  @Mutation(() => Comment, { description: 'Readers comment as PENDING (held for moderation); signed-in staff as APPROVED.' })
  addComment(@Arg('input', () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: Context): Promise<Comment> {
    return ctx.services.comments.add(
      ctx.viewer,
      ctx.clientIp,
      input,
      idOfType(input.postId, 'Post', 'postId'),
      input.parentId == null ? undefined : idOfType(input.parentId, 'Comment', 'parentId'),
    );
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Comment)
  moderateComment(@Arg('id', () => ID) id: string, @Arg('status', () => CommentStatus) status: CommentStatus, @Ctx() ctx: Context) {
    return ctx.services.comments.moderate(idOfType(id, 'Comment', 'id'), status);
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Boolean, { description: 'Deletes the comment and its replies.' })
  deleteComment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.comments.delete(idOfType(id, 'Comment', 'id'));
  }
}

/** A comment the viewer may see: by the comment policy, on a post they may see. */
export async function visibleComment(ctx: Context, commentId: string): Promise<Comment | null> {
  const comment = await ctx.loaders.commentById.load(commentId);
  if (!comment || !canSeeComment(ctx.viewer, comment)) return null;
  const post = await ctx.loaders.postById.load(comment.postId);
  return post && canSeePost(ctx.viewer, post) ? comment : null;
}
