import { CacheKey } from '../domain/cache-keys';
import { ImageFormat } from '../domain/enums';
import { MediaRendition } from '../entities/media-rendition.entity';
import { Media } from '../entities/media.entity';
import { Post } from '../entities/post.entity';
import { ForbiddenError } from '../errors/api-errors';
import { MEDIA_READ_COLUMNS } from '../loaders/media.loaders';
import { Connection } from '../pagination/connection';
import { PageRequest, keysetPage } from '../pagination/keyset-page';
import { BY_MEDIA_CREATED_AT } from '../pagination/sort-orders';
import { canSeeMedia, canUseLibrary, visibleMediaSql } from '../policy/media.policy';
import { CropPlan } from '../services/crop-geometry';
import { ReaderScope } from './reader-scope';

/** One stored file as `ImageRendition` serves it. */
export interface ImageRenditionValue {
  url: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
}

const MAX_SEARCH_LENGTH = 200;

/** `%`, `_` and `\` match themselves in the library's search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The only way to media items, under the media policy, with their files' URLs. */
export class MediaReader {
  constructor(
    private readonly scope: ReaderScope,
    /** Where a stored file is served (src/media: local or S3, MEDIA_PUBLIC_BASE_URL). */
    private readonly urlOfKey: (key: string) => string,
  ) {}

  private noted<T extends Media | null>(media: T): T {
    if (media) this.scope.cacheKeys.add(CacheKey.media(media.id));
    return media;
  }

  /** Query.media: staff see every item, readers those a live post uses as its cover. */
  async byId(id: string): Promise<Media | null> {
    this.scope.cacheKeys.add(CacheKey.media(id));
    // Readers see it from the moment a post using it goes live: every post event purges the list key.
    const viewer = this.scope.viewer();
    if (!viewer) this.scope.cacheKeys.add(CacheKey.postLists);
    const media = await this.scope.loaders.mediaById.load(id);
    if (!media || viewer) return media;
    const [row] = (await this.scope.db.query(
      `SELECT ${visibleMediaSql(null, 'm')} AS "coverOfLivePost" FROM media m WHERE m.id = $1`,
      [id],
    )) as Array<{ coverOfLivePost: boolean }>;
    return row && canSeeMedia(viewer, row) ? media : null;
  }

  /** Post.cover: shown with a post the viewer sees. */
  async coverOf(post: Post): Promise<Media | null> {
    if (!post.coverMediaId) return null;
    return this.noted(await this.scope.loaders.mediaById.load(post.coverMediaId));
  }

  /** Query.mediaLibrary: newest first, narrowed by a search of alt text, caption, credit and file name. */
  library(search: string | null | undefined, page: PageRequest): Promise<Connection<Media>> {
    if (!canUseLibrary(this.scope.viewer())) throw new ForbiddenError('The media library is for signed-in staff.');
    const where: string[] = [visibleMediaSql(this.scope.viewer(), 'm')];
    const params: unknown[] = [];
    const text = search?.trim().slice(0, MAX_SEARCH_LENGTH);
    if (text) {
      params.push(likePattern(text));
      const p = `$${params.length}`;
      where.push(`(m.alt ILIKE ${p} OR m.caption ILIKE ${p} OR m.credit ILIKE ${p} OR m.file_name ILIKE ${p})`);
    }
    return keysetPage<Media>(
      this.scope.db,
      { select: `SELECT ${MEDIA_READ_COLUMNS}`, from: 'FROM media m', where, params, order: BY_MEDIA_CREATED_AT },
      page,
    ).then((connection) => {
      for (const media of connection.nodes) this.noted(media);
      return connection;
    });
  }

  urlOf(media: Media): string {
    return this.urlOfKey(media.storageKey);
  }

  focalPointOf(media: Media): { x: number; y: number } | null {
    return media.focalX === null || media.focalY === null ? null : { x: media.focalX, y: media.focalY };
  }

  /** Media.renditions: the sizes made at upload, narrowest first. */
  async renditionsOf(media: Media): Promise<ImageRenditionValue[]> {
    const rows = await this.scope.loaders.renditionsByMedia.load(media.id);
    return rows.filter((row) => row.aspectRatio === '').map((row) => this.rendition(row));
  }

  /** Media.srcset: the renditions of one format as an HTML srcset. */
  async srcsetOf(media: Media, format: ImageFormat): Promise<string> {
    const renditions = await this.renditionsOf(media);
    return renditions
      .filter((rendition) => rendition.format === format)
      .map((rendition) => `${rendition.url} ${rendition.width}w`)
      .join(', ');
  }

  /** A crop made before, or null: the first request makes it (MediaService.crop). */
  async storedCrop(media: Media, plan: CropPlan, format: ImageFormat): Promise<ImageRenditionValue | null> {
    const rows = await this.scope.loaders.renditionsByMedia.load(media.id);
    const row = rows.find((r) => r.aspectRatio === plan.aspectRatio && r.width === plan.width && r.format === format);
    return row ? this.rendition(row) : null;
  }

  rendition(row: MediaRendition): ImageRenditionValue {
    const { width, height, format, bytes } = row;
    return { url: this.urlOfKey(row.storageKey), width, height, format, bytes };
  }
}
