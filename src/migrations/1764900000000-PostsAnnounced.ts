import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which publication time of a scheduled post has been announced (its `post.published` event),
 * kept on the post: the go-live sweep no longer needs the events themselves, so old events can
 * be removed (EVENTS_RETENTION_DAYS) without announcing a post twice.
 */
export class PostsAnnounced1764900000000 implements MigrationInterface {
  name = 'PostsAnnounced1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ADD COLUMN announced_published_at timestamptz`);
    await q.query(`
      UPDATE posts p SET announced_published_at = p.published_at
      WHERE p.status = 'SCHEDULED' AND EXISTS (
        SELECT 1 FROM events e WHERE e.post_id = p.id AND e.type = 'post.published'
          AND (e.payload->>'publishedAt')::timestamptz = p.published_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP COLUMN announced_published_at`);
  }
}
