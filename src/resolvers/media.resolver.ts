import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context/context';
import { ImageFormat } from '../domain/enums';
import { Author } from '../entities/author.entity';
import { Media } from '../entities/media.entity';
import { lookupId, targetId, toGlobalId } from '../schema/global-id';
import { CropArgs, MediaLibraryArgs, UpdateMediaInput } from '../schema/media.inputs';
import { FocalPoint, ImageRendition, MediaConnection } from '../schema/media.types';
import { Parent } from '../schema/parent.decorator';

/** The media library's GraphQL side; uploads are POST /media (src/media). */
@Resolver(() => Media)
export class MediaResolver {
  @Query(() => Media, { nullable: true })
  media(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Media | null> | null {
    const mediaId = lookupId(id, 'Media', 'id');
    return mediaId ? ctx.readers.media.byId(mediaId) : null;
  }

  @Authorized()
  @Query(() => MediaConnection, { description: 'The media library, newest first. Signed-in staff only.' })
  mediaLibrary(@Args() { search, ...page }: MediaLibraryArgs, @Ctx() ctx: Context) {
    return ctx.readers.media.library(search, page);
  }

  @FieldResolver(() => ID)
  id(@Parent() media: Media): string {
    return toGlobalId('Media', media.id);
  }

  @FieldResolver(() => String, {
    description: 'The original, as uploaded but without its metadata (EXIF, GPS), upright.',
  })
  url(@Parent() media: Media, @Ctx() ctx: Context): string {
    return ctx.readers.media.urlOf(media);
  }

  @FieldResolver(() => FocalPoint, { nullable: true })
  focalPoint(@Parent() media: Media, @Ctx() ctx: Context): FocalPoint | null {
    return ctx.readers.media.focalPointOf(media);
  }

  @FieldResolver(() => [ImageRendition], {
    description: 'Every stored width and format, narrowest first; never wider than the original.',
  })
  renditions(@Parent() media: Media, @Ctx() ctx: Context) {
    return ctx.readers.media.renditionsOf(media);
  }

  @FieldResolver(() => String, {
    description: "An HTML srcset of the renditions in one format, e.g. 'https://.../a-320.webp 320w, ...'.",
  })
  srcset(
    @Parent() media: Media,
    @Arg('format', () => ImageFormat, { nullable: true, defaultValue: ImageFormat.WEBP }) format: ImageFormat,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.readers.media.srcsetOf(media, format);
  }

  @FieldResolver(() => ImageRendition, {
    description:
      'The image cropped to an aspect ratio (one of the server\'s allowed ratios, e.g. "16:9") around its\n' +
      'focal point (the centre when none), at the given width or narrower.',
  })
  async crop(@Parent() media: Media, @Args() { aspectRatio, width, format }: CropArgs, @Ctx() ctx: Context) {
    const plan = ctx.services.media.planCrop(media, aspectRatio, width);
    const stored = await ctx.readers.media.storedCrop(media, plan, format);
    return stored ?? ctx.readers.media.rendition(await ctx.services.media.crop(media, plan, format));
  }

  @FieldResolver(() => Author, { nullable: true })
  uploadedBy(@Parent() media: Media, @Ctx() ctx: Context): Promise<Author> | null {
    return media.uploadedById ? ctx.readers.authors.credited(media.uploadedById) : null;
  }

  @Authorized()
  @Mutation(() => Media, { description: 'The uploader, editors and admins.' })
  updateMedia(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMediaInput) input: UpdateMediaInput,
    @Ctx() ctx: Context,
  ): Promise<Media> {
    return ctx.services.media.update(ctx.viewer!, targetId(id, 'Media', 'id'), input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'CONFLICT while a post uses it as its cover.' })
  deleteMedia(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.media.delete(ctx.viewer!, targetId(id, 'Media', 'id'));
  }
}
