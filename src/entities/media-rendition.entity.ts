import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ImageFormat } from '../domain/enums';

/** One stored file made from a media item's original: a size made at upload, or a crop made on first request. */
@Entity('media_renditions')
export class MediaRendition {
  @PrimaryColumn({ name: 'media_id', type: 'uuid' })
  mediaId!: string;

  /** '' for the sizes made at upload; the ratio ("16:9") of a crop. */
  @PrimaryColumn({ name: 'aspect_ratio', type: 'text' })
  aspectRatio!: string;

  @PrimaryColumn({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  @PrimaryColumn({ type: 'text' })
  format!: ImageFormat;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ type: 'int' })
  bytes!: number;
}
