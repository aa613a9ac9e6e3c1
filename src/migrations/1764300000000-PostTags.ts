import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per (post, tag) with the post's status and publication moment, so that "the newest
 * live posts carrying this tag" is an index range scan (`post_tags_live_recent`) instead of a
 * scan of every post that carries a popular tag. Related-post suggestions draw their candidates
 * from it at a cost that does not grow with the number of posts.
 *
 * A trigger on `posts` keeps it in step in the same transaction as every insert or change of
 * tags, status or publication time, whoever writes (services, the demo seed, a migration or an
 * operator with psql); deleting a post takes its rows by cascade. Liveness is still decided at
 * query time (`published_at <= now()`), so a scheduled post becomes a candidate the moment its
 * time comes, with nothing on a timer.
 */
export class PostTags1764300000000 implements MigrationInterface {
  name = 'PostTags1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_tags (
        post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
        tag text NOT NULL,
        status text NOT NULL,
        published_at timestamptz(3),
        -- All the post's tags, so that ranking candidates by shared tags needs no visit to posts.
        tags text[] NOT NULL,
        PRIMARY KEY (post_id, tag)
      )`);
    await q.query(`
      CREATE INDEX post_tags_live_recent ON post_tags (tag, published_at DESC, post_id DESC) INCLUDE (tags)
      WHERE status IN ('PUBLISHED', 'SCHEDULED')`);
    await q.query(`
      CREATE FUNCTION post_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM post_tags WHERE post_id = NEW.id;
        END IF;
        INSERT INTO post_tags (post_id, tag, status, published_at, tags)
        SELECT DISTINCT NEW.id, tag, NEW.status, NEW.published_at, NEW.tags FROM unnest(NEW.tags) AS tag;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER posts_tags_inserted AFTER INSERT ON posts
      FOR EACH ROW EXECUTE FUNCTION post_tags_sync()`);
    await q.query(`
      CREATE TRIGGER posts_tags_changed AFTER UPDATE OF tags, status, published_at ON posts
      FOR EACH ROW
      WHEN (OLD.tags IS DISTINCT FROM NEW.tags OR OLD.status IS DISTINCT FROM NEW.status
            OR OLD.published_at IS DISTINCT FROM NEW.published_at)
      EXECUTE FUNCTION post_tags_sync()`);
    await q.query(`
      INSERT INTO post_tags (post_id, tag, status, published_at, tags)
      SELECT DISTINCT p.id, tag, p.status, p.published_at, p.tags FROM posts p, unnest(p.tags) AS tag`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER posts_tags_changed ON posts`);
    await q.query(`DROP TRIGGER posts_tags_inserted ON posts`);
    await q.query(`DROP FUNCTION post_tags_sync()`);
    await q.query(`DROP TABLE post_tags`);
  }
}
