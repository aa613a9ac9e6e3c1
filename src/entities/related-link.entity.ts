import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../schema/node.interface';
import { RelatedLinkKind } from '../schema/enums';

/**
 * A curated link from a post to another post (POST) or to a page elsewhere (EXTERNAL), in the
 * editor's order. `title` and `url` of a POST link are served from its target unless given.
 */
@ObjectType({ implements: Node })
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

  /** 0-based place in the editor's order, as served: stored sort keys may have gaps, this never does. */
  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The columns of `related_links` (aliased `l`) under their property names, `position` being the
 * link's rank among its post's links. Stored positions are only sort keys: when a post is
 * deleted, the links to it vanish by cascade and leave gaps in other posts' keys, which are
 * never renumbered (that would lock every linking post, and deadlocked under load).
 */
export const RELATED_LINK_COLUMNS = `l.id, l.post_id AS "postId", l.kind, l.target_post_id AS "targetPostId", l.url, l.title,
  (SELECT count(*) FROM related_links earlier WHERE earlier.post_id = l.post_id AND earlier.position < l.position)::int AS position,
  l.created_at AS "createdAt"`;
