import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Preview links (CONTRACT.md "Previews"): a token that opens one post (and, with revision_id,
 * one of its revisions) to whoever holds it, until expires_at or until revoked. Only the token's
 * SHA-256 is kept, so the table (a backup, a leaked dump) holds no usable token. Deleting a post
 * or its revision takes its links (ON DELETE CASCADE): their tokens open nothing any more.
 * Expired and revoked rows are removed by the previews capability's prune job.
 */
export class PreviewLinks1765200000000 implements MigrationInterface {
  name = 'PreviewLinks1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE preview_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        revision_id uuid REFERENCES post_revisions (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        expires_at timestamptz(3) NOT NULL,
        created_by uuid REFERENCES authors (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3)
      )`);
    // A post's links by age: the cap per post, revoking them all, and the cascade from the post.
    await q.query(`CREATE INDEX preview_links_post ON preview_links (post_id, created_at)`);
    // The deletes that cascade from a post's revisions, and the prune job.
    await q.query(`CREATE INDEX preview_links_revision ON preview_links (revision_id) WHERE revision_id IS NOT NULL`);
    await q.query(`CREATE INDEX preview_links_expiry ON preview_links (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preview_links`);
  }
}
