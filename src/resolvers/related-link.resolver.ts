import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import type { Context } from '../context';
import { idOfType, toGlobalId } from '../schema/global-id';
import { RelatedLinkInput } from '../schema/related-link.inputs';
import { canSeePost } from '../policy/post-visibility';

@Resolver(() => RelatedLink)
export class RelatedLinkResolver {
  @FieldResolver(() => ID)
  id(@Root() link: RelatedLink): string {
    return toGlobalId('RelatedLink', link.id);
  }

  @FieldResolver(() => String, {
    description: "The editor's title; for a post link without one, the post's title (while the viewer may see that post).",
  })
  async title(@Root() link: RelatedLink, @Ctx() ctx: Context): Promise<string> {
    if (link.title) return link.title;
    return (await visibleTarget(link, ctx))?.title ?? UNAVAILABLE_TITLE;
  }

  @FieldResolver(() => String, { description: 'For a post link, where the front end shows that post (POST_URL_TEMPLATE); empty while it is not visible.' })
  async url(@Root() link: RelatedLink, @Ctx() ctx: Context): Promise<string> {
    if (link.url) return link.url;
    const target = await visibleTarget(link, ctx);
    return target ? ctx.postUrlTemplate.replace('{slug}', target.slug) : '';
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The linked post, for kind POST.' })
  targetPost(@Root() link: RelatedLink, @Ctx() ctx: Context): Promise<Post | null> {
    return visibleTarget(link, ctx);
  }

  @Authorized()
  @Mutation(() => RelatedLink)
  addRelatedLink(@Arg('postId', () => ID) postId: string, @Arg('input', () => RelatedLinkInput) input: RelatedLinkInput, @Ctx() ctx: Context) {
    const targetPostId = input.targetPostId == null ? undefined : idOfType(input.targetPostId, 'Post', 'targetPostId');
    return ctx.services.relatedLinks.add(ctx.viewer!, idOfType(postId, 'Post', 'postId'), input, targetPostId);
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeRelatedLink(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.relatedLinks.remove(ctx.viewer!, idOfType(id, 'RelatedLink', 'id'));
  }

  @Authorized()
  @Mutation(() => [RelatedLink], { description: "Takes exactly the post's link ids in the new order." })
  reorderRelatedLinks(@Arg('postId', () => ID) postId: string, @Arg('linkIds', () => [ID]) linkIds: string[], @Ctx() ctx: Context) {
    return ctx.services.relatedLinks.reorder(
      ctx.viewer!,
      idOfType(postId, 'Post', 'postId'),
      linkIds.map((id) => idOfType(id, 'RelatedLink', 'linkIds')),
    );
  }
}

/** Shown for a link to a post the viewer may not see (only its editors meet such links). */
const UNAVAILABLE_TITLE = 'Unavailable story';

/** The link's target post when the viewer may see it; titles and slugs of others must not leak. */
export async function visibleTarget(link: RelatedLink, ctx: Context): Promise<Post | null> {
  if (!link.targetPostId) return null;
  const target = await ctx.loaders.postById.load(link.targetPostId);
  return target && canSeePost(ctx.viewer, target) ? target : null;
}

/** Readers do not learn of links to posts they cannot see: external links always show, post links while their target does. */
export async function isLinkVisible(link: RelatedLink, ctx: Context): Promise<boolean> {
  return link.targetPostId === null || (await visibleTarget(link, ctx)) !== null;
}
