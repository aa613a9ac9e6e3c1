import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { selectList } from '../entities/columns';
import { MediaRendition } from '../entities/media-rendition.entity';
import { Media } from '../entities/media.entity';
import { createRowsByIdLoader, groupedInKeyOrder } from './rows-by-id';

export const MEDIA_READ_COLUMNS = selectList(Media, 'm');
const RENDITION_COLUMNS = selectList(MediaRendition, 'r');

/** Media items by id, whatever the viewer; the media reader applies the policy. */
export function createMediaByIdLoader(db: Queryable): DataLoader<string, Media | null> {
  return createRowsByIdLoader<Media>(db, { table: 'media', alias: 'm', columns: MEDIA_READ_COLUMNS });
}

/** Each item's stored files, sizes and crops, narrowest first (then by format), one query per batch. */
export function createRenditionsByMediaLoader(db: Queryable): DataLoader<string, MediaRendition[]> {
  return new DataLoader(async (mediaIds) => {
    const rows = (await db.query(
      `SELECT ${RENDITION_COLUMNS} FROM media_renditions r WHERE r.media_id = ANY($1::uuid[])
       ORDER BY r.width, r.format`,
      [mediaIds],
    )) as MediaRendition[];
    return groupedInKeyOrder(mediaIds, rows, (row) => row.mediaId);
  });
}
