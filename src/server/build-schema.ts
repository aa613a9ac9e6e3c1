import 'reflect-metadata';
import { GraphQLSchema, specifiedDirectives } from 'graphql';
import { PubSub, buildSchema } from 'type-graphql';
import { AuthResolver } from '../resolvers/auth.resolver';
import { AuthorResolver } from '../resolvers/author.resolver';
import { CommentResolver } from '../resolvers/comment.resolver';
import { MediaResolver } from '../resolvers/media.resolver';
import { NodeResolver } from '../resolvers/node.resolver';
import { PostMutationResolver } from '../resolvers/post-mutation.resolver';
import { PostRevisionResolver } from '../resolvers/post-revision.resolver';
import { PostResolver } from '../resolvers/post.resolver';
import { PreviewLinkResolver } from '../resolvers/preview-link.resolver';
import { RedirectResolver } from '../resolvers/redirect.resolver';
import { RelatedLinkResolver } from '../resolvers/related-link.resolver';
import { SubscriptionResolver } from '../resolvers/subscription.resolver';
import { WebhookDeliveryResolver } from '../resolvers/webhook-delivery.resolver';
import { WebhookResolver } from '../resolvers/webhook.resolver';
import { cacheControlDirective } from '../schema/cache-control.directive';
import { DateTimeScalar } from '../schema/date-time.scalar';
import { registerEnumTypes } from '../schema/enum-types';
import { GraphqlExecution } from '../setting-values';
import { authChecker } from './auth-checker';
import { validateArgs } from './validate-args';

/**
 * type-graphql insists on a PubSub whenever there are subscriptions, even though ours bring
 * their own `subscribe` (src/live/live-updates.ts: visibility checked per event and subscriber,
 * which topic filters cannot do). Nothing ever calls this one.
 */
const NO_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('Live events travel through src/live, not type-graphql PubSub.');
  },
  subscribe: () => {
    throw new Error('Live events travel through src/live, not type-graphql PubSub.');
  },
};

/** The served schema, built from the resolver classes. `schema.graphql` at the root is its printed form. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  registerEnumTypes();
  return buildSchema({
    resolvers: [
      AuthResolver,
      AuthorResolver,
      CommentResolver,
      MediaResolver,
      NodeResolver,
      PostResolver,
      PostMutationResolver,
      PostRevisionResolver,
      PreviewLinkResolver,
      RedirectResolver,
      RelatedLinkResolver,
      SubscriptionResolver,
      WebhookResolver,
      WebhookDeliveryResolver,
    ],
    authChecker,
    // type-graphql 2 validates nothing unless told; ours checks page bounds and runs class-validator on inputs.
    validateFn: validateArgs,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: NO_PUBSUB,
    directives: [...specifiedDirectives, cacheControlDirective],
  });
}

/**
 * The served schema, and with GRAPHQL_EXECUTION=compiled a second build of it for graphql-jit,
 * whose plain field resolvers are swapped in without touching the one graphql-js serves.
 */
export async function buildApiSchemas(
  execution: GraphqlExecution,
): Promise<{ schema: GraphQLSchema; jitSchema?: GraphQLSchema }> {
  const schema = await buildApiSchema();
  return execution === 'compiled' ? { schema, jitSchema: await buildApiSchema() } : { schema };
}
