import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { Webhook } from '../entities/webhook.entity';
import { EVENT_TYPES } from '../events/event-types';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { targetId, toGlobalId } from '../schema/global-id';
import { Parent } from '../schema/parent.decorator';
import { CreateWebhookInput, UpdateWebhookInput } from '../schema/webhook.inputs';
import { WebhookDeliveriesArgs, WebhookDeliveryConnection, WebhookWithSecret } from '../schema/webhook.types';

/** Webhook endpoints (CONTRACT.md "Webhooks"): admins only, but for the list of event types. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @DependsOnViewer()
  @Authorized([Role.ADMIN])
  @Query(() => [Webhook], { description: 'Admins only.' })
  webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    return ctx.readers.webhooks.all();
  }

  @Query(() => [String], { description: 'The event types a webhook can ask for.' })
  webhookEventTypes(): readonly string[] {
    return EVENT_TYPES;
  }

  @FieldResolver(() => ID)
  id(@Parent() webhook: Webhook): string {
    return toGlobalId('Webhook', webhook.id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Newest first.' })
  deliveries(@Parent() webhook: Webhook, @Args() { status, ...page }: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    return ctx.readers.webhooks.deliveriesOf(webhook.id, { ...page, status });
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => WebhookWithSecret, { description: 'Admins only.' })
  createWebhook(@Arg('input', () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: Context) {
    return ctx.services.webhooks.create(ctx.viewer!, input);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Webhook)
  updateWebhook(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<Webhook> {
    return ctx.services.webhooks.update(ctx.viewer!, targetId(id, 'Webhook', 'id'), input);
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Boolean)
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.webhooks.delete(ctx.viewer!, targetId(id, 'Webhook', 'id'));
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => WebhookWithSecret, {
    description: 'A new secret; for 24 hours deliveries are signed with both the old and the new one.',
  })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.webhooks.rotateSecret(ctx.viewer!, targetId(id, 'Webhook', 'id'));
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a webhook.test event to the endpoint now (queued at once; its attempt shows in deliveries).',
  })
  testWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    return ctx.services.webhooks.test(ctx.viewer!, targetId(id, 'Webhook', 'id'));
  }
}
