import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { NODE_TYPE, Node } from '../entities/node.interface';
import { NodeTypeName, fromGlobalId } from '../schema/global-id';

/** Query.node: any object by its opaque id, under the same visibility as its own field. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  async node(@Arg('id', () => ID) globalId: string, @Ctx() ctx: Context): Promise<Node | null> {
    const { type, id } = fromGlobalId(globalId, 'id');
    const row = await readNode(ctx, type, id);
    return row ? (Object.assign(row, { [NODE_TYPE]: type }) as unknown as Node) : null;
  }
}

function readNode(ctx: Context, type: NodeTypeName, id: string): Promise<object | null> {
  const { readers } = ctx;
  switch (type) {
    case 'Author':
      return readers.authors.byId(id);
    case 'Post':
      return readers.posts.byId(id);
    case 'PostRevision':
      return readers.revisions.byId(id);
    case 'Comment':
      return readers.comments.byId(id);
    case 'RelatedLink':
      return readers.relatedLinks.byId(id);
    case 'Redirect':
      return readers.redirects.byId(id);
    case 'Media':
      return readers.media.byId(id);
    case 'Webhook':
      return readers.webhooks.byId(id);
    case 'WebhookDelivery':
      return readers.webhooks.deliveryById(id);
  }
}
