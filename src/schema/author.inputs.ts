import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../domain/enums';
import { AUTHOR_BIO_MAX } from '../domain/text-size';
import { AuthorChanges, NewAuthor } from '../services/author.commands';
import { IsHttpUrl, IsNotBlank } from './validators';

@InputType()
export class CreateAuthorInput implements NewAuthor {
  @Field()
  @IsNotBlank()
  @MaxLength(120)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'At least 8 characters.' })
  @Length(8, 200)
  password!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Derived from the name when absent.' })
  @IsOptional()
  slug?: string | null;

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
export class UpdateAuthorInput implements AuthorChanges {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(120)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
  password?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required to change your own password, so a stolen token cannot take over the account.',
  })
  @IsOptional()
  @MaxLength(200)
  currentPassword?: string | null;
}
