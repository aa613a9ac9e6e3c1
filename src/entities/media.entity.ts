import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from './node.interface';

/**
 * An image of the media library: its original (stripped of metadata, upright) under
 * `storageKey`, its dimensions, and the editor's alt text, caption, credit and focal point.
 * `id`, `url`, `focalPoint`, renditions and crops are served through field resolvers.
 */
@ObjectType('Media', {
  implements: Node,
  simpleResolvers: true,
  description: 'An image in the media library. Uploaded with POST /media (CONTRACT.md, "Media").',
})
@Entity('media')
export class Media {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The original's content-hashed name in storage. */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  /** As uploaded; searched by the library, never served (it may say more than the uploader meant). */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Field()
  @Column({ name: 'mime_type', type: 'text' })
  mimeType!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  width!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  height!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  bytes!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  alt!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'Credit line, e.g. the agency or photographer.' })
  @Column({ type: 'text', nullable: true })
  credit!: string | null;

  @Column({ name: 'focal_x', type: 'double precision', nullable: true })
  focalX!: number | null;

  @Column({ name: 'focal_y', type: 'double precision', nullable: true })
  focalY!: number | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedById!: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
