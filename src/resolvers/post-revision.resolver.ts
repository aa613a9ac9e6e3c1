import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Author } from '../entities/author.entity';
import { PostRevision } from '../entities/post-revision.entity';
import { toGlobalId } from '../schema/global-id';

@Resolver(() => PostRevision)
export class PostRevisionResolver {
  @FieldResolver(() => ID)
  id(@Root() revision: PostRevision): string {
    return toGlobalId('PostRevision', revision.id);
  }

  @FieldResolver(() => Author, { description: 'Who made this version.' })
  editor(@Root() revision: PostRevision, @Ctx() ctx: Context): Promise<Author> {
    return ctx.readers.authors.credited(revision.editorId);
  }
}
