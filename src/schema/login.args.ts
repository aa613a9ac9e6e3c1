import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { EMAIL_MAX, PASSWORD_MAX } from '../domain/text-size';

/**
 * `login(email, password)`, bounded as createAuthor bounds them, so that an oversized value is
 * BAD_USER_INPUT naming the field before anything is counted, looked up or hashed. An `@ArgsType`
 * because type-graphql validates classes, not scalar arguments. Only lengths: an address that is
 * not one is an ordinary failed login, as an unknown one is.
 */
@ArgsType()
export class LoginArgs {
  @Field()
  @MaxLength(EMAIL_MAX)
  email!: string;

  @Field()
  @MaxLength(PASSWORD_MAX)
  password!: string;
}
