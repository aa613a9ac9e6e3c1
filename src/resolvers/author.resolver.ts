import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../entities/author.entity';
import type { Context } from '../context';
import { Role } from '../schema/enums';
import { AuthorConnection } from '../schema/author.types';
import { idOfType, toGlobalId } from '../schema/global-id';
import { IdOrSlugArgs, oneOfIdOrSlug } from '../schema/lookup.args';
import { ForwardPageArgs } from '../schema/page.args';
import { PostConnection } from '../schema/post.types';
import { findVisibleAuthor, listAuthors } from '../queries/author-lists.query';

@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, { nullable: true })
  async author(@Args() args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<Author | null> {
    const lookup = oneOfIdOrSlug(args);
    if ('id' in lookup) {
      const id = idOfType(lookup.id, 'Author', 'id');
      return id ? findVisibleAuthor(ctx.db, ctx.viewer, { id }) : null;
    }
    return findVisibleAuthor(ctx.db, ctx.viewer, lookup);
  }

  @Query(() => AuthorConnection, { description: 'By name. Readers see the authors of published posts; signed-in staff everyone.' })
  authors(@Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return listAuthors(ctx.db, ctx.viewer, page);
  }

  @Query(() => Author, { nullable: true, description: 'The signed-in author, or null.' })
  me(@Ctx() ctx: Context): Promise<Author | null> | null {
    return ctx.viewer ? ctx.loaders.authorById.load(ctx.viewer.id) : null;
  }

  @FieldResolver(() => ID)
  id(@Root() author: Author): string {
    return toGlobalId('Author', author.id);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'For signed-in staff; null for readers.' })
  role(@Root() author: Author, @Ctx() ctx: Context): Role | null {
    return ctx.viewer ? author.role : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the author themself and admins; null for everyone else.' })
  email(@Root() author: Author, @Ctx() ctx: Context): string | null {
    const viewer = ctx.viewer;
    return viewer && (viewer.id === author.id || viewer.role === Role.ADMIN) ? author.email : null;
  }

  @FieldResolver(() => PostConnection, { description: 'Published posts by this author, newest first.' })
  posts(@Root() author: Author, @Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.loaders.postsByAuthor.load({ parentId: author.id, first: page.first ?? 20, after: page.after ?? null });
  }
}
