import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RelatedLinkKind } from '../domain/enums';
import type { Instant } from '../domain/instant';
import { Node } from './node.interface';

/**
 * A curated link from a post to another post (POST) or to a page elsewhere (EXTERNAL), in the
 * editor's order. `title` and `url` of a POST link are served from its target unless given.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('related_links')
export class RelatedLink {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Field(() => RelatedLinkKind)
  @Column({ type: 'text' })
  kind!: RelatedLinkKind;

  @Column({ name: 'target_post_id', type: 'uuid', nullable: true })
  targetPostId!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /**
   * Stored, only a sort key: when a post is deleted, the links to it vanish by cascade and leave
   * gaps in other posts' keys, which are never renumbered (that would lock every linking post,
   * and deadlocked under load). Served, the link's 0-based rank, which the link queries compute.
   */
  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Instant;
}
