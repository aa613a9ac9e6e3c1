import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { POST_BODY_MAX, longText } from '../domain/text-size';
import { Node } from './node.interface';

/** The content of one earlier version of a post, written when a change replaced it. */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('post_revisions')
export class PostRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Field(() => Int, { description: "The post's version that this revision recorded." })
  @Column({ type: 'int' })
  version!: number;

  @Field()
  @Column()
  title!: string;

  @Field()
  @Extensions(longText(POST_BODY_MAX))
  @Column()
  body!: string;

  @Field()
  @Column()
  excerpt!: string;

  @Column({ name: 'excerpt_is_custom' })
  excerptIsCustom!: boolean;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  tags!: string[];

  /** Who made this version. */
  @Column({ name: 'editor_id', type: 'uuid' })
  editorId!: string;

  /** When this version was made. */
  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
