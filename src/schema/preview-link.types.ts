import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { PREVIEW_EXPIRY_SECONDS } from '../domain/preview-token';
import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { IssuedPreviewLink } from '../services/preview-link.commands';

/** What createPreviewLink answers: the token is in it once, and nowhere else afterwards. */
@ObjectType('PreviewLink', { simpleResolvers: true })
export class PreviewLinkType implements IssuedPreviewLink {
  @Field({ description: 'Opaque; give it to previewPost.' })
  token!: string;

  @Field({ description: 'PUBLIC_BASE_URL joined with PREVIEW_URL_TEMPLATE, the token filled in.' })
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Post)
  post!: Post;

  @Field(() => PostRevision, {
    nullable: true,
    description: 'The revision it shows, when it shows one rather than the post as it is now.',
  })
  revision!: PostRevision | null;
}

/** createPreviewLink's arguments; the resolver decodes the ids into the service's NewPreviewLink. */
@ArgsType()
export class CreatePreviewLinkArgs {
  @Field(() => ID)
  postId!: string;

  @Field(() => ID, { nullable: true })
  revisionId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(PREVIEW_EXPIRY_SECONDS.min)
  @Max(PREVIEW_EXPIRY_SECONDS.max)
  expiresInSeconds?: number | null;
}
