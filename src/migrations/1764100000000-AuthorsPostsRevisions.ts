import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authors, posts and post revisions.
 *
 * Tags live in a `text[]` column with a GIN index rather than a join table: a post's tags are
 * read with the post itself (no loader, no join, editor order kept for free), `tags @> $1`
 * and `tags && $1` use the GIN index for tag filters and related-post suggestions, and the
 * tag cloud is one `unnest` over published posts.
 *
 * Timestamps keep milliseconds (`timestamptz(3)`), the precision of a JavaScript Date, so a
 * keyset cursor made from a row's timestamp compares equal to that row again.
 */
export class AuthorsPostsRevisions1764100000000 implements MigrationInterface {
  name = 'AuthorsPostsRevisions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE authors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'AUTHOR')),
        bio text,
        avatar_url text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX authors_slug_key ON authors (slug)`);
    await q.query(`CREATE UNIQUE INDEX authors_email_key ON authors (lower(email))`);
    // The authors connection pages by name.
    await q.query(`CREATE INDEX authors_name_id ON authors (name, id)`);

    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        excerpt text NOT NULL,
        excerpt_is_custom boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
        published_at timestamptz(3),
        source text,
        cover_image_url text,
        tags text[] NOT NULL DEFAULT '{}',
        featured boolean NOT NULL DEFAULT false,
        reading_time_minutes integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        author_id uuid NOT NULL REFERENCES authors (id),
        last_editor_id uuid NOT NULL REFERENCES authors (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', excerpt), 'B') ||
          setweight(to_tsvector('english', body), 'C')
        ) STORED,
        CHECK (status NOT IN ('PUBLISHED', 'SCHEDULED') OR published_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX posts_slug_key ON posts (slug)`);
    // "Live" = PUBLISHED, or SCHEDULED whose moment has passed; both filter on published_at <= now().
    await q.query(
      `CREATE INDEX posts_live_keyset ON posts (published_at DESC, id DESC) WHERE status IN ('PUBLISHED', 'SCHEDULED')`,
    );
    await q.query(
      `CREATE INDEX posts_author_live_keyset ON posts (author_id, published_at DESC, id DESC) WHERE status IN ('PUBLISHED', 'SCHEDULED')`,
    );
    await q.query(
      `CREATE INDEX posts_featured_keyset ON posts (published_at DESC, id DESC) WHERE featured AND status IN ('PUBLISHED', 'SCHEDULED')`,
    );
    // Staff lists of drafts and archived posts page by updated_at.
    await q.query(`CREATE INDEX posts_status_updated_keyset ON posts (status, updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX posts_author_status ON posts (author_id, status)`);
    await q.query(`CREATE INDEX posts_tags ON posts USING gin (tags)`);
    await q.query(`CREATE INDEX posts_search ON posts USING gin (search)`);

    await q.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        excerpt text NOT NULL,
        excerpt_is_custom boolean NOT NULL,
        tags text[] NOT NULL,
        editor_id uuid NOT NULL REFERENCES authors (id),
        created_at timestamptz(3) NOT NULL,
        UNIQUE (post_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_revisions`);
    await q.query(`DROP TABLE posts`);
    await q.query(`DROP TABLE authors`);
  }
}
