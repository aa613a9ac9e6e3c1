import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Post } from '../entities/post.entity';
import { UnauthenticatedError } from '../errors/api-errors';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { targetId } from '../schema/global-id';
import { CreatePreviewLinkArgs, PreviewLinkType } from '../schema/preview-link.types';

/** One answer for every token that opens nothing, whatever the reason (CONTRACT.md "Previews"). */
const CLOSED = 'The preview link has expired or was revoked';

@Resolver(() => PreviewLinkType)
export class PreviewLinkResolver {
  // What a token opens depends on who holds it: never shared by a cache, never tagged.
  @DependsOnViewer()
  @Query(() => Post, {
    nullable: true,
    description: 'A post seen through a preview link: anyone holding a valid token, signed in or not.',
  })
  async previewPost(@Arg('token') token: string, @Ctx() ctx: Context): Promise<Post | null> {
    const post = await ctx.readers.previews.postFor(token);
    if (!post) throw new UnauthenticatedError(CLOSED);
    return post;
  }

  @Authorized()
  @Mutation(() => PreviewLinkType, {
    description:
      "The post's author, editors and admins. Expires after expiresInSeconds (default 86400, at most 604800).",
  })
  createPreviewLink(@Args() args: CreatePreviewLinkArgs, @Ctx() ctx: Context): Promise<PreviewLinkType> {
    const postId = targetId(args.postId, 'Post', 'postId');
    const revisionId =
      args.revisionId == null ? null : targetId(args.revisionId, 'PostRevision', 'revisionId', 'Revision');
    return ctx.services.previewLinks.create(ctx.viewer!, postId, {
      revisionId,
      expiresInSeconds: args.expiresInSeconds,
    });
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Every preview link of the post stops working; answers how many were live.' })
  revokePreviewLinks(@Arg('postId', () => ID) postId: string, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.previewLinks.revokeAll(ctx.viewer!, targetId(postId, 'Post', 'postId'));
  }
}
