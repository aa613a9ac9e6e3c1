import { Ctx, FieldResolver, ID, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Author } from '../entities/author.entity';
import { PostRevision } from '../entities/post-revision.entity';
import { toGlobalId } from '../schema/global-id';
import { Parent } from '../schema/parent.decorator';

@Resolver(() => PostRevision)
export class PostRevisionResolver {
  @FieldResolver(() => ID)
  id(@Parent() revision: PostRevision): string {
    return toGlobalId('PostRevision', revision.id);
  }

  @FieldResolver(() => Author, { description: 'Who made this version.' })
  editor(@Parent() revision: PostRevision, @Ctx() ctx: Context): Promise<Author> {
    return ctx.readers.authors.credited(revision.editorId);
  }
}
