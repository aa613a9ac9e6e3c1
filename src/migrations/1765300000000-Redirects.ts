import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redirects from old paths of the public site: a post's old slugs (SLUG_CHANGE), old platforms'
 * URLs (IMPORT) and editors' own (MANUAL). One per path. Rows are made by staff and by slug
 * changes (one per change), and an import adds one per imported post; nothing anonymous writes
 * here. A redirect that leads to a post goes with the post (ON DELETE CASCADE).
 */
export class Redirects1765300000000 implements MigrationInterface {
  name = 'Redirects1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE redirects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        path text NOT NULL CHECK (path LIKE '/%' AND char_length(path) <= 2048),
        location text NOT NULL CHECK (char_length(location) <= 2048),
        permanent boolean NOT NULL DEFAULT true,
        source text NOT NULL CHECK (source IN ('SLUG_CHANGE', 'IMPORT', 'MANUAL')),
        post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT redirects_path_key UNIQUE (path),
        CHECK (location <> path)
      )`);
    // The redirects that lead to a path: repointed when it moves on (chains collapse).
    await q.query(`CREATE INDEX redirects_location ON redirects (location)`);
    // The cascade when a post is deleted.
    await q.query(`CREATE INDEX redirects_post ON redirects (post_id)`);
    // Query.redirects: newest first.
    await q.query(`CREATE INDEX redirects_newest ON redirects (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE redirects`);
  }
}
