import { Extensions, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../domain/enums';
import type { Instant } from '../domain/instant';
import { AUTHOR_BIO_MAX, longText } from '../domain/text-size';
import type { SelectListOptions } from './columns';
import { Node } from './node.interface';

/**
 * A person who writes or edits. `email` and `passwordHash` carry no `@Field`: email is exposed
 * only through a guarded field resolver, the hash never.
 */
@ObjectType({ implements: Node, simpleResolvers: true })
@Entity('authors')
export class Author {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  slug!: string;

  @Field()
  @Column()
  name!: string;

  @Column()
  email!: string;

  /** Selected only by sign-in and password changes; reads leave it out. */
  @Column({ name: 'password_hash' })
  passwordHash?: string;

  /** Served through a field resolver: readers do not learn who the admins are. */
  @Column({ type: 'text' })
  role!: Role;

  @Field(() => String, { nullable: true })
  @Extensions(longText(AUTHOR_BIO_MAX))
  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'avatar_url', type: 'text', nullable: true })
  avatarUrl!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Instant;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Instant;

  /** Carried by every token; raised by sign-out and password changes, which ends older tokens. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion?: number;
}

/**
 * What reads of authors select: never the password hash, which only sign-in and password changes
 * need, nor the token version, which only sign-in and the session check need; timestamps as the
 * API serves them.
 */
export const AUTHOR_READ: SelectListOptions<Author> = { omit: ['passwordHash', 'tokenVersion'], apiInstants: true };
