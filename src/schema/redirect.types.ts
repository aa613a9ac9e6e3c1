import { Field, ObjectType } from 'type-graphql';
import { Post } from '../entities/post.entity';
import { Redirect } from '../entities/redirect.entity';
import { connectionTypes } from './connection.types';

export const { Connection: RedirectConnection } = connectionTypes(Redirect, 'Redirect');

@ObjectType({
  description: 'Where a path of the public site leads now. Both fields null: nothing is there (a 404).',
  simpleResolvers: true,
})
export class UrlResolution {
  @Field(() => Post, { nullable: true, description: 'The post shown at this path, when the viewer may see it.' })
  post!: Post | null;

  @Field(() => Redirect, { nullable: true, description: 'Where to send the reader instead, when the path has moved.' })
  redirect!: Redirect | null;
}
