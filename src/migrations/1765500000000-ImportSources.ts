import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an import brought, by the export's own ids: one row per (format, blog, kind, source id)
 * naming the row it became here and a hash of what the export said, so the same file imported
 * again changes nothing and a newer export updates only what changed (src/import/). `blog` tells
 * two blogs of one format apart ('' for the only one). No foreign key: a post deleted here keeps
 * its row, so a later import leaves it deleted instead of bringing it back. An import is run by
 * an operator, once per export: the table grows with the exports, never with readers.
 */
export class ImportSources1765500000000 implements MigrationInterface {
  name = 'ImportSources1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_sources (
        format text NOT NULL CHECK (format IN ('blogger', 'wordpress')),
        blog text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('post', 'comment', 'author', 'image')),
        source_id text NOT NULL CHECK (char_length(source_id) BETWEEN 1 AND 2048),
        target_id uuid NOT NULL,
        content_hash text NOT NULL,
        imported_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (format, blog, kind, source_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_sources`);
  }
}
