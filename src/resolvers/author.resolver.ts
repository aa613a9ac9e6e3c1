import { Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { Author } from '../entities/author.entity';
import { AuthorConnection } from '../schema/author.types';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { lookupId, toGlobalId } from '../schema/global-id';
import { IdOrSlugArgs, oneOfIdOrSlug } from '../schema/lookup.args';
import { ForwardPageArgs } from '../schema/page.args';
import { Parent } from '../schema/parent.decorator';
import { PostConnection } from '../schema/post.types';

@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, { nullable: true })
  async author(@Args() args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<Author | null> {
    const lookup = oneOfIdOrSlug(args);
    if ('slug' in lookup) return ctx.readers.authors.bySlug(lookup.slug);
    const id = lookupId(lookup.id, 'Author', 'id');
    return id ? ctx.readers.authors.byId(id) : null;
  }

  @Query(() => AuthorConnection, {
    description: 'By name. Readers see the authors of published posts; signed-in staff everyone.',
  })
  authors(@Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.readers.authors.list(page);
  }

  @DependsOnViewer()
  @Query(() => Author, { nullable: true, description: 'The signed-in author, or null.' })
  me(@Ctx() ctx: Context): Promise<Author | null> | null {
    return ctx.readers.authors.me();
  }

  @FieldResolver(() => ID)
  id(@Parent() author: Author): string {
    return toGlobalId('Author', author.id);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'For signed-in staff; null for readers.' })
  role(@Parent() author: Author, @Ctx() ctx: Context): Role | null {
    return ctx.readers.authors.roleOf(author);
  }

  @DependsOnViewer()
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Only for the author themself and admins; null for everyone else.',
  })
  email(@Parent() author: Author, @Ctx() ctx: Context): string | null {
    return ctx.readers.authors.emailOf(author);
  }

  @FieldResolver(() => PostConnection, { description: 'Published posts by this author, newest first.' })
  posts(@Parent() author: Author, @Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.readers.posts.ofAuthor(author.id, page);
  }
}
