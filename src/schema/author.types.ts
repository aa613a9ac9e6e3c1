import { Field, ObjectType } from 'type-graphql';
import { Author } from '../entities/author.entity';
import { connectionTypes } from './connection.types';

export const { Connection: AuthorConnection } = connectionTypes(Author, 'Author');

@ObjectType({ simpleResolvers: true })
export class AuthPayload {
  @Field({ description: "Send as 'Authorization: Bearer <token>'." })
  token!: string;

  @Field(() => Author)
  author!: Author;
}
