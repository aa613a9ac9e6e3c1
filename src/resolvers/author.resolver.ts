import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AUTHOR_COLUMNS, Author } from '../entities/author.entity';
import type { Context } from '../context';
import { Role } from '../schema/enums';
import { AuthorConnection } from '../schema/author.types';
import { idOfType, toGlobalId } from '../schema/global-id';
import { IdOrSlugArgs, oneOfIdOrSlug } from '../schema/lookup.args';
import { ForwardPageArgs } from '../schema/page.args';
import { PostConnection } from '../schema/post.types';
import { listAuthors } from '../queries/author-lists.query';

@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, { nullable: true })
  async author(@Args() args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<Author | null> {
    const lookup = oneOfIdOrSlug(args);
    if ('id' in lookup) {
      const id = idOfType(lookup.id, 'Author', 'id');
      return id ? ctx.loaders.authorById.load(id) : null;
    }
    const rows: Author[] = await ctx.db.query(`SELECT ${AUTHOR_COLUMNS} FROM authors a WHERE a.slug = $1`, [lookup.slug]);
    return rows[0] ?? null;
  }

  @Query(() => AuthorConnection)
  authors(@Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return listAuthors(ctx.db, page);
  }

  @Query(() => Author, { nullable: true, description: 'The signed-in author, or null.' })
  me(@Ctx() ctx: Context): Promise<Author | null> | null {
    return ctx.viewer ? ctx.loaders.authorById.load(ctx.viewer.id) : null;
  }

  @FieldResolver(() => ID)
  id(@Root() author: Author): string {
    return toGlobalId('Author', author.id);
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
