import { Extensions, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RedirectSource } from '../domain/enums';
import { longText } from '../domain/text-size';
import { URL_PATH_MAX } from '../domain/url-path';
import { Node } from './node.interface';

/**
 * An old path of the public site and where it leads now. `path` and a `location` on this site
 * are stored normalised (src/domain/url-path.ts), so every way of writing a path finds it; no
 * location is a redirected path (chains are collapsed as they form). `postId` names the post it
 * leads to, which takes the redirect with it when deleted.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('redirects')
export class Redirect {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'The old path, e.g. /posts/old-slug or /2024/05/old-title.html.' })
  @Extensions(longText(URL_PATH_MAX))
  @Column({ type: 'text' })
  path!: string;

  @Field({ description: 'Where it leads now: a path of this site, or an absolute URL.' })
  @Extensions(longText(URL_PATH_MAX))
  @Column({ type: 'text' })
  location!: string;

  @Field({ description: '301 when true, 302 otherwise.' })
  @Column({ type: 'boolean' })
  permanent!: boolean;

  @Field(() => RedirectSource)
  @Column({ type: 'text' })
  source!: RedirectSource;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId!: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
