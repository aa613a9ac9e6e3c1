import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_LIST_LIMITS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-size';

/** The longest cursor a client may send; ours are far shorter. */
const MAX_CURSOR_LENGTH = 500;

/**
 * Page and limit arguments. They are checked by `boundViolations` below rather than by
 * class-validator: they come with every nested list of every request (`comments(first: 3)` on
 * each of 20 posts), and a bound check is all they need.
 */
export abstract class BoundedArgs {
  /** The bounds this argument set breaks, as class-validator would report them; empty when none. */
  boundViolations(): Array<{ property: string; message: string }> {
    const violations: Array<{ property: string; message: string }> = [];
    const values = this as Record<string, unknown>;
    for (const property of ['first', 'last', 'limit']) {
      const value = values[property];
      if (typeof value !== 'number') continue;
      if (value < 1) violations.push({ property, message: `${property} must not be less than 1` });
      if (value > MAX_PAGE_SIZE) {
        violations.push({ property, message: `${property} must not be greater than ${MAX_PAGE_SIZE}` });
      }
    }
    for (const property of ['after', 'before']) {
      const value = values[property];
      if (typeof value === 'string' && value.length > MAX_CURSOR_LENGTH) {
        violations.push({
          property,
          message: `${property} must be shorter than or equal to ${MAX_CURSOR_LENGTH} characters`,
        });
      }
    }
    return violations;
  }
}

/** `first`/`after`, as on Author.posts, authors, search and comments. */
@ArgsType()
export class ForwardPageArgs extends BoundedArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** `first`/`after` and `last`/`before`, as on Query.posts. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

/** A `limit` for plain lists (featuredPosts, tags, relatedPosts), 1..100. */
function limitArgs(defaultValue: number) {
  @ArgsType()
  class LimitArgs extends BoundedArgs {
    @Field(() => Int, { nullable: true, defaultValue })
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
