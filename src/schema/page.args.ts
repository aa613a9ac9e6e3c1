import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_LIST_LIMITS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-size';

/** `first`/`after`, as on Author.posts, authors, search and comments. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;
}

/** `first`/`after` and `last`/`before`, as on Query.posts. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  before?: string | null;
}

/** A `limit` for plain lists (featuredPosts, tags, relatedPosts), 1..100. */
function limitArgs(defaultValue: number) {
  @ArgsType()
  class LimitArgs {
    @Field(() => Int, { nullable: true, defaultValue })
    @IsOptional()
    @Min(1)
    @Max(MAX_PAGE_SIZE)
    limit?: number | null;
  }
  return LimitArgs;
}

@ArgsType()
export class FeaturedPostsArgs extends limitArgs(DEFAULT_LIST_LIMITS.featuredPosts) {}

@ArgsType()
export class TagsArgs extends limitArgs(DEFAULT_LIST_LIMITS.tags) {}

@ArgsType()
export class RelatedPostsArgs extends limitArgs(DEFAULT_LIST_LIMITS.relatedPosts) {}
