import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NewWebhook, WebhookChanges } from '../services/webhook.commands';
import { IsHttpUrl } from './validators';

/** More than there are event types, so a list with each once always fits. */
const MAX_EVENT_TYPES = 50;

@InputType()
export class CreateWebhookInput implements NewWebhook {
  @Field()
  @IsHttpUrl()
  @MaxLength(2000)
  url!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  /** Checked against the event types by the service, which names the unknown one. */
  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;
}

@InputType()
export class UpdateWebhookInput implements WebhookChanges {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true re-enables an endpoint the server disabled.' })
  @IsOptional()
  enabled?: boolean | null;
}
