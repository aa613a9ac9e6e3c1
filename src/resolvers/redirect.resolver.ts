import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { Post } from '../entities/post.entity';
import { Redirect } from '../entities/redirect.entity';
import { DependsOnViewer } from '../schema/cache-control.directive';
import { targetId, toGlobalId } from '../schema/global-id';
import { ForwardPageArgs } from '../schema/page.args';
import { Parent } from '../schema/parent.decorator';
import { CreateRedirectInput } from '../schema/redirect.inputs';
import { RedirectConnection, UrlResolution } from '../schema/redirect.types';

@Resolver(() => Redirect)
export class RedirectResolver {
  @Query(() => UrlResolution, {
    description: 'Where a path of the public site leads (a post, a redirect, or nothing). Anyone.',
  })
  resolveUrl(@Arg('path') path: string, @Ctx() ctx: Context): Promise<UrlResolution> {
    return ctx.readers.redirects.resolve(path);
  }

  @DependsOnViewer()
  @Authorized([Role.EDITOR, Role.ADMIN])
  @Query(() => RedirectConnection, { description: 'Every redirect, newest first. Editors and admins only.' })
  redirects(@Args() page: ForwardPageArgs, @Ctx() ctx: Context) {
    return ctx.readers.redirects.list(page);
  }

  @FieldResolver(() => ID)
  id(@Parent() redirect: Redirect): string {
    return toGlobalId('Redirect', redirect.id);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The post it leads to, when it leads to one.' })
  post(@Parent() redirect: Redirect, @Ctx() ctx: Context): Promise<Post | null> | null {
    return ctx.readers.redirects.postOf(redirect);
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Redirect, { description: 'Editors and admins.' })
  createRedirect(@Arg('input', () => CreateRedirectInput) input: CreateRedirectInput, @Ctx() ctx: Context) {
    return ctx.services.redirects.create(ctx.viewer!, input);
  }

  @Authorized([Role.EDITOR, Role.ADMIN])
  @Mutation(() => Boolean)
  deleteRedirect(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.redirects.delete(ctx.viewer!, targetId(id, 'Redirect', 'id'));
  }
}
