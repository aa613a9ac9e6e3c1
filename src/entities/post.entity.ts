import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PostStatus } from '../domain/enums';
import type { Instant } from '../domain/instant';
import { POST_EXCERPT_MAX, longText } from '../domain/text-size';
import type { SelectListOptions } from './columns';
import { Node } from './node.interface';

/**
 * A story. `status` and `id` are served through field resolvers: a SCHEDULED post whose moment
 * has passed is served as PUBLISHED, and ids are opaque.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  slug!: string;

  @Field()
  @Column()
  title!: string;

  @Field({ description: 'Plain text. Derived from the body when the editor gave none.' })
  @Extensions(longText(POST_EXCERPT_MAX))
  @Column()
  excerpt!: string;

  @Column({ name: 'excerpt_is_custom' })
  excerptIsCustom!: boolean;

  /** Sanitized HTML, served by Post.body: feed reads leave it out, writes read it whole. */
  @Column()
  body?: string;

  @Column({ type: 'text' })
  status!: PostStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when published; for a scheduled post, the moment it goes live.',
  })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Instant | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Instant;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Instant;

  @Field(() => String, {
    nullable: true,
    description: 'Credit line for a syndicated story, e.g. the agency it came from.',
  })
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cover_image_url', type: 'text', nullable: true })
  coverImageUrl!: string | null;

  /** The cover from the media library, served by Post.cover. */
  @Column({ name: 'cover_media_id', type: 'uuid', nullable: true })
  coverMediaId!: string | null;

  @Field(() => [String], { description: 'Lower-case, unique, in the order the editor gave them.' })
  @Column({ type: 'text', array: true })
  tags!: string[];

  @Field()
  @Column()
  featured!: boolean;

  @Field(() => Int)
  @Column({ name: 'reading_time_minutes', type: 'int' })
  readingTimeMinutes!: number;

  @Field(() => Int, { description: 'Grows by one on every successful change; send it back as expectedVersion.' })
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'last_editor_id', type: 'uuid' })
  lastEditorId!: string;
}

/**
 * What reads of posts select: not the body, which Post.body loads when a client asks for it;
 * timestamps as the API serves them (reads of lists take them as JSON, src/db/json-rows.ts).
 */
export const POST_READ: SelectListOptions<Post> = { omit: ['body'], apiInstants: true };
