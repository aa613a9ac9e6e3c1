import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { targetId, toGlobalId } from '../schema/global-id';
import { Parent } from '../schema/parent.decorator';

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID)
  id(@Parent() delivery: WebhookDelivery): string {
    return toGlobalId('WebhookDelivery', delivery.id);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => WebhookDelivery, {
    description: "Sends the delivery's event again at once, as a new attempt with the same messageId.",
  })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return ctx.services.webhooks.redeliver(
      ctx.viewer!,
      targetId(deliveryId, 'WebhookDelivery', 'deliveryId', 'Webhook delivery'),
    );
  }
}
