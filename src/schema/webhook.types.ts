import { ArgsType, Field, ObjectType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../domain/enums';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { Webhook } from '../entities/webhook.entity';
import { connectionTypes } from './connection.types';
import { ForwardPageArgs } from './page.args';

export const { Connection: WebhookDeliveryConnection } = connectionTypes(WebhookDelivery, 'WebhookDelivery');

@ObjectType({ description: 'The signing secret is shown once, here: keep it.', simpleResolvers: true })
export class WebhookWithSecret {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field({ description: 'whsec_ followed by base64 of the key (Standard Webhooks).' })
  secret!: string;
}

/** Webhook.deliveries: a page, newest first, optionally of one status. */
@ArgsType()
export class WebhookDeliveriesArgs extends ForwardPageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus | null;
}
