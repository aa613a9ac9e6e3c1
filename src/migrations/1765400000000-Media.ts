import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The media library: one row per uploaded image (its stripped, upright original), its stored
 * renditions (sizes, and crops made on first request), and posts' covers from it. A media item
 * used as a cover cannot be deleted (ON DELETE RESTRICT; deleteMedia says CONFLICT first).
 * Storage keys are content hashes, so two uploads of one image share files: a file is removed
 * only when no row names it any more.
 */
export class Media1765400000000 implements MigrationInterface {
  name = 'Media1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key text NOT NULL,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        bytes integer NOT NULL CHECK (bytes > 0),
        alt text,
        caption text,
        credit text,
        focal_x double precision CHECK (focal_x BETWEEN 0 AND 1),
        focal_y double precision CHECK (focal_y BETWEEN 0 AND 1),
        uploaded_by uuid REFERENCES authors (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((focal_x IS NULL) = (focal_y IS NULL))
      )`);
    // The library, newest first (keyset pages).
    await q.query(`CREATE INDEX media_newest ON media (created_at, id)`);
    await q.query(`CREATE INDEX media_storage_key ON media (storage_key)`);
    await q.query(`
      CREATE TABLE media_renditions (
        media_id uuid NOT NULL REFERENCES media (id) ON DELETE CASCADE,
        -- '' for the sizes made at upload; a ratio such as '16:9' for a crop.
        aspect_ratio text NOT NULL DEFAULT '',
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        format text NOT NULL CHECK (format IN ('JPEG', 'PNG', 'WEBP', 'AVIF')),
        storage_key text NOT NULL,
        bytes integer NOT NULL CHECK (bytes > 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (media_id, aspect_ratio, width, format)
      )`);
    await q.query(`CREATE INDEX media_renditions_storage_key ON media_renditions (storage_key)`);
    await q.query(`ALTER TABLE posts ADD COLUMN cover_media_id uuid REFERENCES media (id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX posts_cover_media ON posts (cover_media_id) WHERE cover_media_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP COLUMN cover_media_id`);
    await q.query(`DROP TABLE media_renditions`);
    await q.query(`DROP TABLE media`);
  }
}
