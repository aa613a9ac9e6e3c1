import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PostStatus } from '../domain/enums';
import {
  POST_BODY_MAX as BODY_MAX,
  POST_EXCERPT_MAX as EXCERPT_MAX,
  SLUG_MAX,
  TAG_FILTER_MAX,
} from '../domain/text-size';
import { PostListFilter } from '../readers/post.reader';
import { NewPost, PostChanges } from '../services/post.commands';
import { IsHttpUrl, IsNotBlank } from './validators';

// Generous caps: they stop abuse, not writers. The tag cap is checked again after de-duplication.
const TITLE_MAX = 300;
const SOURCE_MAX = 200;
const TAGS_MAX_RAW = 100;

/**
 * The optional fields a post is created with and changed by (absent: as they are; null: cleared),
 * written once for CreatePostInput and UpdatePostInput. type-graphql gives each subclass the fields
 * of a decorated superclass; no field or argument names the superclass, so the schema never shows it.
 */
@InputType()
abstract class PostFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(EXCERPT_MAX)
  excerpt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(SOURCE_MAX)
  source?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  coverImageUrl?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(TAGS_MAX_RAW)
  tags?: string[] | null;

  /** Decoded by the resolver before the service sees it. */
  @Field(() => ID, { nullable: true, description: 'A media item of the library to use as the cover; null removes it.' })
  @IsOptional()
  coverMediaId?: string | null;
}

@InputType()
export class CreatePostInput extends PostFieldsInput implements NewPost {
  @Field()
  @IsNotBlank()
  @MaxLength(TITLE_MAX)
  title!: string;

  @Field({ description: 'HTML; sanitized on the way in.' })
  @MaxLength(BODY_MAX)
  body!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the title when absent.' })
  @IsOptional()
  slug?: string | null;

  @Field(() => ID, { nullable: true, description: 'Editors and admins may write on behalf of another author.' })
  @IsOptional()
  authorId?: string | null;
}

/** Absent fields stay as they are; null clears the optional ones (excerpt: back to derived). */
@InputType()
export class UpdatePostInput extends PostFieldsInput implements PostChanges {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(TITLE_MAX)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(BODY_MAX)
  body?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  slug?: string | null;
}

@InputType()
export class PostFilter implements PostListFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(TAG_FILTER_MAX)
  tag?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(SLUG_MAX)
  authorSlug?: string | null;

  @Field(() => Boolean, { nullable: true })
  featured?: boolean | null;

  @Field(() => PostStatus, {
    nullable: true,
    description: 'Anything but PUBLISHED is for staff; others get an empty list.',
  })
  status?: PostStatus | null;
}
