import { Extensions, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CommentStatus } from '../domain/enums';
import type { Instant } from '../domain/instant';
import { COMMENT_BODY_MAX, longText } from '../domain/text-size';
import type { SelectListOptions } from './columns';
import { Node } from './node.interface';

/** A reader's (or staff member's) comment on a post; a reply when `parentId` is set. */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('comments')
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** Set when a signed-in staff member wrote it. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Field({ description: 'The name shown with the comment.' })
  @Column({ name: 'author_name' })
  authorName!: string;

  @Field({ description: 'Plain text, as written.' })
  @Extensions(longText(COMMENT_BODY_MAX))
  @Column()
  body!: string;

  @Field(() => CommentStatus)
  @Column({ type: 'text' })
  status!: CommentStatus;

  /** Kept for moderation (spam waves come from few addresses); never exposed. */
  @Column({ name: 'client_ip', type: 'text', nullable: true })
  clientIp!: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Instant;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Instant;
}

/**
 * What reads of comments select: never the client address, which is kept for moderation only;
 * timestamps as the API serves them.
 */
export const COMMENT_READ: SelectListOptions<Comment> = { omit: ['clientIp'], apiInstants: true };
