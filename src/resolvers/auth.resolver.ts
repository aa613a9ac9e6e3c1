import { Arg, Args, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { Role } from '../domain/enums';
import { Author } from '../entities/author.entity';
import { CreateAuthorInput, UpdateAuthorInput } from '../schema/author.inputs';
import { AuthPayload } from '../schema/author.types';
import { targetId } from '../schema/global-id';
import { LoginArgs } from '../schema/login.args';

/** Sign-in and author accounts. */
@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async login(@Args() { email, password }: LoginArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    const payload = await ctx.services.login.login(email, password, ctx.clientIp);
    // The rest of this operation is read as the author who just signed in (they see their own email).
    ctx.signIn({ id: payload.author.id, role: payload.author.role });
    return payload;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Signs the current author out everywhere: every token issued to them before now stops working.',
  })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.login.logout(ctx.viewer!.id);
    return true;
  }

  @Authorized([Role.ADMIN])
  @Mutation(() => Author)
  createAuthor(@Arg('input', () => CreateAuthorInput) input: CreateAuthorInput, @Ctx() ctx: Context): Promise<Author> {
    return ctx.services.authors.create(input);
  }

  @Authorized()
  @Mutation(() => Author, { description: 'Admins update anyone; everyone may update their own profile.' })
  updateAuthor(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAuthorInput) input: UpdateAuthorInput,
    @Ctx() ctx: Context,
  ): Promise<Author> {
    return ctx.services.authors.update(ctx.viewer!, targetId(id, 'Author', 'id'), input);
  }
}
