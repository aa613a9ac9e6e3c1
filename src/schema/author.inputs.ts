import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../domain/enums';
import { AUTHOR_BIO_MAX, AUTHOR_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../domain/text-size';
import { AuthorChanges, NewAuthor } from '../services/author.commands';
import { IsHttpUrl, IsNotBlank } from './validators';

/** The optional profile fields an author is created with and changed by, written once for both inputs. */
@InputType()
abstract class AuthorProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  avatarUrl?: string | null;
}

@InputType()
export class CreateAuthorInput extends AuthorProfileInput implements NewAuthor {
  @Field()
  @IsNotBlank()
  @MaxLength(AUTHOR_NAME_MAX)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX)
  email!: string;

  @Field({ description: 'At least 8 characters.' })
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Derived from the name when absent.' })
  @IsOptional()
  slug?: string | null;
}

@InputType()
export class UpdateAuthorInput extends AuthorProfileInput implements AuthorChanges {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(AUTHOR_NAME_MAX)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required to change your own password, so a stolen token cannot take over the account.',
  })
  @IsOptional()
  @MaxLength(PASSWORD_MAX)
  currentPassword?: string | null;
}
