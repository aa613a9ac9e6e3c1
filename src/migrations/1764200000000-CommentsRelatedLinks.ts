import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reader comments (threaded, moderated) and related links between stories. Deleting a post
 * takes its comments, its links and every link pointing to it (ON DELETE CASCADE); deleting a
 * comment takes its replies.
 */
export class CommentsRelatedLinks1764200000000 implements MigrationInterface {
  name = 'CommentsRelatedLinks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        author_id uuid REFERENCES authors (id) ON DELETE SET NULL,
        author_name text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'SPAM', 'REJECTED')),
        client_ip text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // The public thread: approved top-level comments of a post, oldest first.
    await q.query(
      `CREATE INDEX comments_thread ON comments (post_id, created_at, id) WHERE status = 'APPROVED' AND parent_id IS NULL`,
    );
    await q.query(`CREATE INDEX comments_approved_by_post ON comments (post_id) WHERE status = 'APPROVED'`);
    await q.query(`CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE status = 'APPROVED'`);
    // Every comment of a post, whatever its status: the cascade when a post is deleted.
    await q.query(`CREATE INDEX comments_post ON comments (post_id)`);
    await q.query(`CREATE INDEX comments_parent ON comments (parent_id)`);
    await q.query(`CREATE INDEX comments_moderation ON comments (status, created_at, id)`);

    await q.query(`
      CREATE TABLE related_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('POST', 'EXTERNAL')),
        target_post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
        url text,
        title text,
        position integer NOT NULL CHECK (position >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (
          (kind = 'POST' AND target_post_id IS NOT NULL AND url IS NULL) OR
          (kind = 'EXTERNAL' AND target_post_id IS NULL AND url IS NOT NULL AND title IS NOT NULL)
        ),
        CHECK (target_post_id IS DISTINCT FROM post_id),
        UNIQUE (post_id, target_post_id),
        -- Checked at the end of each statement, so one UPDATE can permute positions.
        CONSTRAINT related_links_position_key UNIQUE (post_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`CREATE INDEX related_links_target ON related_links (target_post_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE related_links`);
    await q.query(`DROP TABLE comments`);
  }
}
