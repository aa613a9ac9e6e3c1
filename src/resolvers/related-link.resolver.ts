import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { fromGlobalId, targetId, toGlobalId } from '../schema/global-id';
import { Parent } from '../schema/parent.decorator';
import { RelatedLinkInput } from '../schema/related-link.inputs';
import { wrongLinkIdsError } from '../services/related-link.service';

@Resolver(() => RelatedLink)
export class RelatedLinkResolver {
  @FieldResolver(() => ID)
  id(@Parent() link: RelatedLink): string {
    return toGlobalId('RelatedLink', link.id);
  }

  @FieldResolver(() => String, {
    description:
      "The editor's title; for a post link without one, the post's title (while the viewer may see that post).",
  })
  title(@Parent() link: RelatedLink, @Ctx() ctx: Context): Promise<string> {
    return ctx.readers.relatedLinks.titleOf(link);
  }

  @FieldResolver(() => String, {
    description:
      'For a post link, where the front end shows that post (POST_URL_TEMPLATE); empty while it is not visible.',
  })
  url(@Parent() link: RelatedLink, @Ctx() ctx: Context): Promise<string> {
    return ctx.readers.relatedLinks.urlOf(link);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The linked post, for kind POST.' })
  targetPost(@Parent() link: RelatedLink, @Ctx() ctx: Context): Promise<Post | null> {
    return ctx.readers.relatedLinks.targetOf(link);
  }

  @Authorized()
  @Mutation(() => RelatedLink)
  addRelatedLink(
    @Arg('postId', () => ID) postId: string,
    @Arg('input', () => RelatedLinkInput) input: RelatedLinkInput,
    @Ctx() ctx: Context,
  ) {
    const targetPostId =
      input.targetPostId == null ? undefined : targetId(input.targetPostId, 'Post', 'targetPostId', 'Target post');
    return ctx.services.relatedLinks.add(ctx.viewer!, targetId(postId, 'Post', 'postId'), input, targetPostId);
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeRelatedLink(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.relatedLinks.remove(ctx.viewer!, targetId(id, 'RelatedLink', 'id', 'Related link'));
  }

  @Authorized()
  @Mutation(() => [RelatedLink], { description: "Takes exactly the post's link ids in the new order." })
  reorderRelatedLinks(
    @Arg('postId', () => ID) postId: string,
    @Arg('linkIds', () => [ID]) linkIds: string[],
    @Ctx() ctx: Context,
  ) {
    // An id of another type is not one of this post's links: the list is wrong, not a lookup that failed.
    const ids = linkIds.map((id) => {
      const parsed = fromGlobalId(id, 'linkIds');
      if (parsed.type !== 'RelatedLink') throw wrongLinkIdsError();
      return parsed.id;
    });
    return ctx.services.relatedLinks.reorder(ctx.viewer!, targetId(postId, 'Post', 'postId'), ids);
  }
}
