import { IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NewRelatedLink } from '../services/related-link.commands';
import { IsHttpUrl, IsNotBlank } from './validators';

@InputType()
export class RelatedLinkInput implements NewRelatedLink {
  @Field(() => ID, { nullable: true, description: 'Exactly one of targetPostId and url.' })
  @IsOptional()
  targetPostId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Required with url; defaults to the target post's title." })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  title?: string | null;

  @Field(() => Int, { nullable: true, description: '0-based; appended at the end when absent.' })
  @IsOptional()
  @Min(0)
  position?: number | null;
}
