import { ImageFormat } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Media } from '../entities/media.entity';
import { Readers } from '../readers';

/**
 * An uploaded item as POST /media answers it: the fields `Query.media` gives, read through the
 * same reader (its URLs, renditions and srcset are the resolvers' own), `srcset` in WebP.
 */
export async function mediaJson(readers: Readers, media: Media) {
  const media_ = readers.media;
  const uploader = media.uploadedById ? await readers.authors.credited(media.uploadedById) : null;
  return {
    id: toGlobalId('Media', media.id),
    url: media_.urlOf(media),
    mimeType: media.mimeType,
    width: media.width,
    height: media.height,
    bytes: media.bytes,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    focalPoint: media_.focalPointOf(media),
    renditions: await media_.renditionsOf(media),
    srcset: await media_.srcsetOf(media, ImageFormat.WEBP),
    uploadedBy: uploader && { id: toGlobalId('Author', uploader.id), slug: uploader.slug, name: uploader.name },
    createdAt: media.createdAt.toISOString(),
  };
}
