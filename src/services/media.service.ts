import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { databaseErrorOf } from '../db/database-error';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { CacheKey } from '../domain/cache-keys';
import { ImageFormat } from '../domain/enums';
import { selectList } from '../entities/columns';
import { MediaRendition } from '../entities/media-rendition.entity';
import { Media } from '../entities/media.entity';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { NewEvent } from '../events/event';
import { recordEvents } from '../events/outbox';
import { canEditMedia } from '../policy/media.policy';
import { CropPlan, planCrop } from './crop-geometry';
import { MediaFiles, StoredImage } from './media-files';
import { MediaChanges, MediaTexts, NewMedia } from './media.commands';

const MEDIA_COLUMNS = selectList(Media, 'm');
const RENDITION_COLUMNS = selectList(MediaRendition, 'r');

/** Blank texts are no text. */
const text = (value: string | null | undefined) => value?.trim() || null;

function mediaEvent(type: NewEvent['type'], media: Media): NewEvent {
  return {
    type,
    authorId: media.uploadedById ?? undefined,
    cacheKeys: [CacheKey.media(media.id)],
    payload: { mediaId: media.id },
  };
}

/** The media library's write side: uploads' rows, texts and focal points, deletes, crops. One transaction per call. */
export class MediaService {
  constructor(
    private readonly db: EntityManager,
    private readonly files: MediaFiles,
    private readonly settings: { widths: number[]; aspectRatios: string[] },
  ) {}

  /** The row of an upload whose files are stored, with its renditions and a media.created event. */
  async create(viewer: Viewer, upload: NewMedia): Promise<Media> {
    return inTransaction(this.db, async (m) => {
      const media = await this.insert(m, upload, viewer.id);
      await recordEvents(m, [mediaEvent('media.created', media)]);
      return media;
    });
  }

  /**
   * An image an import fetched (src/import/): nobody's upload, so editors and admins manage it,
   * and no event of its own: the import announces itself once (import.completed), not per image.
   */
  async createImported(upload: NewMedia): Promise<Media> {
    return inTransaction(this.db, (m) => this.insert(m, upload, null));
  }

  private async insert(m: EntityManager, upload: NewMedia, uploaderId: string | null): Promise<Media> {
    const { original } = upload;
    const [media]: Media[] = await m.query(
      `INSERT INTO media AS m (storage_key, file_name, mime_type, width, height, bytes, alt, caption, credit, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${MEDIA_COLUMNS}`,
      [
        original.key,
        upload.fileName,
        upload.mimeType,
        original.width,
        original.height,
        original.bytes,
        text(upload.alt),
        text(upload.caption),
        text(upload.credit),
        uploaderId,
      ],
    );
    for (const rendition of upload.renditions) await this.insertRendition(m, media.id, '', rendition);
    return media;
  }

  /** Texts and focal point; a new focal point drops the crops made around the old one. */
  async update(viewer: Viewer, mediaId: string, changes: MediaChanges): Promise<Media> {
    let dropped: string[] = [];
    const media = await inTransaction(this.db, async (m) => {
      const current = await this.lockEditable(m, viewer, mediaId);
      const sets: string[] = [];
      const params: unknown[] = [current.id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      for (const field of ['alt', 'caption', 'credit'] as Array<keyof MediaTexts>) {
        if (changes[field] !== undefined) set(field, text(changes[field]));
      }
      if (changes.focalPoint !== undefined) {
        set('focal_x', changes.focalPoint?.x ?? null);
        set('focal_y', changes.focalPoint?.y ?? null);
        const crops = returningRows<{ storageKey: string }>(
          await m.query(
            `DELETE FROM media_renditions WHERE media_id = $1 AND aspect_ratio <> '' RETURNING storage_key AS "storageKey"`,
            [current.id],
          ),
        );
        dropped = crops.map((crop) => crop.storageKey);
      }
      const [updated] = returningRows<Media>(
        await m.query(
          `UPDATE media AS m SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE m.id = $1 RETURNING ${MEDIA_COLUMNS}`,
          params,
        ),
      );
      await recordEvents(m, [mediaEvent('media.updated', updated)]);
      return updated;
    });
    await this.removeUnreferenced(dropped);
    return media;
  }

  /** CONFLICT while a post uses it as its cover; its files go once no other row names them. */
  async delete(viewer: Viewer, mediaId: string): Promise<boolean> {
    const keys = await inTransaction(this.db, async (m) => {
      const media = await this.lockEditable(m, viewer, mediaId);
      const covers: unknown[] = await m.query('SELECT 1 FROM posts WHERE cover_media_id = $1 LIMIT 1', [media.id]);
      if (covers.length > 0) throw coverConflict();
      const renditions: Array<{ storageKey: string }> = await m.query(
        'SELECT storage_key AS "storageKey" FROM media_renditions WHERE media_id = $1',
        [media.id],
      );
      await m.query('DELETE FROM media WHERE id = $1', [media.id]);
      await recordEvents(m, [mediaEvent('media.deleted', media)]);
      return [media.storageKey, ...renditions.map((rendition) => rendition.storageKey)];
    }).catch((error: unknown) => {
      // A post took it as its cover between our check and the delete.
      if (databaseErrorOf(error).code === '23503') throw coverConflict();
      throw error;
    });
    await this.removeUnreferenced(keys);
    return true;
  }

  /** Where `Media.crop(aspectRatio, width)` cuts and what size it makes (BAD_USER_INPUT for other ratios). */
  planCrop(media: Media, aspectRatio: string, width: number): CropPlan {
    return planCrop(media, aspectRatio, width, this.settings);
  }

  /**
   * `Media.crop` the first time it is asked (the media reader finds it after that): made around
   * the focal point from the original, and kept. Two first requests at once may both make it;
   * one row wins, and both answer it.
   */
  async crop(media: Media, plan: CropPlan, format: ImageFormat): Promise<MediaRendition> {
    const { aspectRatio } = plan;
    const find = async () =>
      (
        (await this.db.query(
          `SELECT ${RENDITION_COLUMNS} FROM media_renditions r
         WHERE r.media_id = $1 AND r.aspect_ratio = $2 AND r.width = $3 AND r.format = $4`,
          [media.id, aspectRatio, plan.width, format],
        )) as MediaRendition[]
      )[0];
    const stored = await this.files.makeCrop(media, plan, format);
    await inTransaction(this.db, async (m) => {
      // The image may have been deleted meanwhile: then the crop's row is not written.
      const alive: unknown[] = await m.query('SELECT 1 FROM media WHERE id = $1 FOR KEY SHARE', [media.id]);
      if (alive.length > 0) await this.insertRendition(m, media.id, aspectRatio, stored);
    });
    const made = await find();
    if (!made) {
      await this.removeUnreferenced([stored.key]);
      throw new NotFoundError('Media');
    }
    return made;
  }

  private async insertRendition(m: EntityManager, mediaId: string, aspectRatio: string, image: StoredImage) {
    await m.query(
      `INSERT INTO media_renditions (media_id, aspect_ratio, width, height, format, storage_key, bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [mediaId, aspectRatio, image.width, image.height, image.format, image.key, image.bytes],
    );
  }

  /** Locks the row for a change: NOT_FOUND when it is gone, FORBIDDEN unless the viewer may change it. */
  private async lockEditable(m: EntityManager, viewer: Viewer, mediaId: string): Promise<Media> {
    const [media]: Media[] = await m.query(`SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.id = $1 FOR UPDATE`, [
      mediaId,
    ]);
    if (!media) throw new NotFoundError('Media');
    if (!canEditMedia(viewer, media)) throw new ForbiddenError('Only the uploader, editors and admins may change it.');
    return media;
  }

  /**
   * Removes the files of `keys` that no committed row names: names are content hashes, so two
   * uploads of one image share them. Read after the commit, on the pool, so a change still
   * inside a request's transaction (an Idempotency-Key) keeps its files until it commits.
   */
  async removeUnreferenced(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const orphans: Array<{ key: string }> = await this.db.query(
      `SELECT k AS key FROM unnest($1::text[]) AS k
       WHERE NOT EXISTS (SELECT 1 FROM media WHERE storage_key = k)
         AND NOT EXISTS (SELECT 1 FROM media_renditions WHERE storage_key = k)`,
      [[...new Set(keys)]],
    );
    await this.files.remove(orphans.map((orphan) => orphan.key));
  }
}

function coverConflict(): ConflictError {
  return new ConflictError('A post uses this image as its cover: choose another cover first.', 'id');
}
