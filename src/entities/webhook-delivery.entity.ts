import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDeliveryStatus } from '../domain/enums';
import { Node } from './node.interface';

/**
 * One event for one endpoint and its attempts so far. The body it sends, its lease and its
 * endpoint are not served: src/webhooks reads them itself.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId!: string;

  @Field({ description: 'The webhook-id header: the same for every attempt of one event to one endpoint.' })
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Field()
  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: 'text' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt, when it got an answer.' })
  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (timeout, refused, status), when it failed.',
  })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
