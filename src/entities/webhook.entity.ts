import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from './node.interface';

/**
 * An endpoint that hears events (src/webhooks). Its signing secrets have no `@Field`: they are
 * shown once, by createWebhook and rotateWebhookSecret, and never read back.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('webhooks')
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  @Column({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'The event types delivered (the events of CONTRACT.md); empty: every type.' })
  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes!: string[];

  @Field()
  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the server disabled it (410 Gone, or failing too long), when it did.',
  })
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
