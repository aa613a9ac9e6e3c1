import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Node, NODE_TYPE } from '../schema/node.interface';
import { fromGlobalId } from '../schema/global-id';
import { PostRevision, REVISION_COLUMNS } from '../entities/post-revision.entity';
import { canEditPost, canSeePost } from '../policy/post-visibility';
import { RELATED_LINK_COLUMNS, RelatedLink } from '../entities/related-link.entity';
import { visibleComment } from './comment.resolver';
import { isLinkVisible } from './related-link.resolver';
import { findVisibleAuthor } from '../queries/author-lists.query';

/** Query.node: any object by its opaque id, under the same visibility as its own field. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  async node(@Arg('id', () => ID) globalId: string, @Ctx() ctx: Context): Promise<Node | null> {
    const { type, id } = fromGlobalId(globalId, 'id');
    const typed = <T extends object>(row: T | null) => (row ? Object.assign(row, { [NODE_TYPE]: type }) : null) as Node | null;
    switch (type) {
      case 'Author':
        return typed(await findVisibleAuthor(ctx.db, ctx.viewer, { id }));
      case 'Post': {
        const post = await ctx.loaders.postById.load(id);
        return typed(post && canSeePost(ctx.viewer, post) ? post : null);
      }
      case 'PostRevision': {
        const rows: PostRevision[] = await ctx.db.query(`SELECT ${REVISION_COLUMNS} FROM post_revisions r WHERE r.id = $1`, [id]);
        const revision = rows[0] ?? null;
        const post = revision && (await ctx.loaders.postById.load(revision.postId));
        return typed(post && canEditPost(ctx.viewer, post) ? revision : null);
      }
      case 'Comment':
        return typed(await visibleComment(ctx, id));
      case 'RelatedLink': {
        const rows: RelatedLink[] = await ctx.db.query(`SELECT ${RELATED_LINK_COLUMNS} FROM related_links l WHERE l.id = $1`, [id]);
        const link = rows[0] ?? null;
        const post = link && (await ctx.loaders.postById.load(link.postId));
        return typed(post && canSeePost(ctx.viewer, post) && (await isLinkVisible(link, ctx)) ? link : null);
      }
      default:
        return null;
    }
  }
}
