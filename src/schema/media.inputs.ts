import { IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ImageFormat } from '../domain/enums';
import { MEDIA_TEXT_MAX, MediaChanges } from '../services/media.commands';
import { BoundedArgs } from './page.args';

@InputType()
export class FocalPointInput {
  @Field(() => Float)
  @Min(0)
  @Max(1)
  x!: number;

  @Field(() => Float)
  @Min(0)
  @Max(1)
  y!: number;
}

/** Absent fields stay as they are; null (or a blank text) clears them. */
@InputType()
export class UpdateMediaInput implements MediaChanges {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MEDIA_TEXT_MAX.alt)
  alt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MEDIA_TEXT_MAX.caption)
  caption?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MEDIA_TEXT_MAX.credit)
  credit?: string | null;

  @Field(() => FocalPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  focalPoint?: FocalPointInput | null;
}

/** `mediaLibrary(first, after, search)`. */
@ArgsType()
export class MediaLibraryArgs extends BoundedArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

/** `Media.crop(aspectRatio, width, format)`. */
@ArgsType()
export class CropArgs {
  @Field()
  @MaxLength(20)
  aspectRatio!: string;

  @Field(() => Int)
  @Min(1)
  width!: number;

  @Field(() => ImageFormat, { nullable: true, defaultValue: ImageFormat.WEBP })
  format!: ImageFormat;
}
