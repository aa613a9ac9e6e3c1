import { Field, Int, ObjectType } from 'type-graphql';
import { Post } from '../entities/post.entity';
import { connectionTypes } from './connection.types';

export const { Connection: PostConnection } = connectionTypes(Post, 'Post');

@ObjectType({ simpleResolvers: true })
export class TagCount {
  @Field()
  tag!: string;

  @Field(() => Int, { description: 'Published posts carrying the tag.' })
  count!: number;
}
