import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { BadUserInputError } from '../errors/api-errors';

/** `(id, slug)` of post(...) and author(...): exactly one of the two. */
@ArgsType()
export class IdOrSlugArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  id?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  slug?: string | null;
}

/** Which of id and slug was given; BAD_USER_INPUT unless exactly one. */
export function oneOfIdOrSlug(args: IdOrSlugArgs): { id: string } | { slug: string } {
  if ((args.id == null) === (args.slug == null))
    throw new BadUserInputError('Give exactly one of id and slug.', args.id == null ? 'id' : 'slug');
  return args.id != null ? { id: args.id } : { slug: args.slug! };
}
