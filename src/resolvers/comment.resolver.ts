import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { CommentStatus, Role } from '../domain/enums';
import { Author } from '../entities/author.entity';
import { Comment } from '../entities/comment.entity';
import { Post } from '../entities/post.entity';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { AddCommentInput, ModerationQueueArgs } from '../schema/comment.inputs';
import { CommentConnection } from '../schema/comment.types';
import { lookupId, targetId, toGlobalId } from '../schema/global-id';
import { Parent } from '../schema/parent.decorator';

@Resolver(() => Comment)
export class CommentResolver {
  @Query(() => Comment, { nullable: true })
  async comment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Comment | null> {
    const commentId = lookupId(id, 'Comment', 'id');
    return commentId ? ctx.readers.comments.byId(commentId) : null;
  }

  @DependsOnViewer()
  @Authorized([Role.EDITOR, Role.ADMIN])
  @Query(() => CommentConnection, {
    description: 'Comments awaiting or past moderation, oldest first. Editors and admins only.',
  })
  moderationQueue(@Args() { status, ...page }: ModerationQueueArgs, @Ctx() ctx: Context) {
    return ctx.readers.comments.moderationQueue(status ?? CommentStatus.PENDING, page);
  }

  @FieldResolver(() => ID)
  id(@Parent() comment: Comment): string {
    return toGlobalId('Comment', comment.id);
  }

  @FieldResolver(() => Post)
  post(@Parent() comment: Comment, @Ctx() ctx: Context): Promise<Post> {
    return ctx.readers.comments.postOf(comment);
  }

  @FieldResolver(() => Comment, { nullable: true })
  parent(@Parent() comment: Comment, @Ctx() ctx: Context): Promise<Comment | null> | null {
    return ctx.readers.comments.parentOf(comment);
  }

  @FieldResolver(() => [Comment], { description: 'Approved replies, oldest first.' })
  replies(@Parent() comment: Comment, @Ctx() ctx: Context): Promise<Comment[]> {
    return ctx.readers.comments.repliesOf(comment.id);
  }

  @FieldResolver(() => Author, { nullable: true, description: 'Set when a signed-in staff member wrote the comment.' })
  author(@Parent() comment: Comment, @Ctx() ctx: Context): Promise<Author> | null {
    return comment.authorId ? ctx.readers.authors.credited(comment.authorId) : null;
  }

  @Mutation(() => Comment, {
    description: 'Readers comment as PENDING (held for moderation); signed-in staff as APPROVED.',
  })
  addComment(@Arg('input', () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: Context): Promise<Comment> {
    const postId = targetId(input.postId, 'Post', 'postId');
    const parentId = input.parentId == null ? undefined : targetId(input.parentId, 'Comment', 'parentId');
    return ctx.services.comments.add(ctx.viewer, ctx.clientIp, postId, parentId, input);
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Comment)
  moderateComment(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CommentStatus) status: CommentStatus,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.comments.moderate(ctx.viewer!, targetId(id, 'Comment', 'id'), status);
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Boolean, { description: 'Deletes the comment and its replies.' })
  deleteComment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.comments.delete(ctx.viewer!, targetId(id, 'Comment', 'id'));
  }
}
