import { EntityManager } from 'typeorm';
import { tagged } from '../db/statement-tag';
import { inTransaction } from '../db/transaction';
import { Post } from '../entities/post.entity';
import { scheduledAndLiveSql } from '../policy/post.policy';
import { recordEvents } from './outbox';
import { postCacheKeys } from './post-events';

/** The advisory lock that makes one sweep at a time, across every instance on the database. */
const GO_LIVE_LOCK = 0x62726f6164; // "broad"
/** Posts announced per sweep; the next sweep takes the rest. */
const BATCH = 500;

/**
 * Announces scheduled posts whose moment has passed: one `post.published` event per post and
 * publication time, exactly once. Visibility never waits for this (a scheduled post is live
 * the moment its time passes, decided at query time); this is the event that integrations and
 * live subscribers get. A post is due while the publication time it last announced
 * (`announced_published_at`) is not its current `published_at`, so a sweep after downtime catches
 * up, a rescheduled post is announced at its new time, an unpublished one not at all, and old
 * events can be removed without a post being announced twice. Sweeps take an advisory lock, so
 * with several instances only one runs at a time, and it sees what an earlier sweep announced.
 */
export async function announceDuePosts(db: EntityManager): Promise<number> {
  return inTransaction(db, async (m) => {
    const [{ locked }] = (await m.query(tagged('go-live', 'SELECT pg_try_advisory_xact_lock($1) AS locked'), [
      GO_LIVE_LOCK,
    ])) as Array<{
      locked: boolean;
    }>;
    if (!locked) return 0;
    const due = (await m.query(
      tagged(
        'go-live',
        `SELECT p.id, p.author_id AS "authorId", p.tags, p.featured, p.status, p.published_at AS "publishedAt"
       FROM posts p
       WHERE ${scheduledAndLiveSql('p')}
         AND p.announced_published_at IS DISTINCT FROM p.published_at
         -- While instances from before announced_published_at may still sweep (a rolling
         -- deploy), what they announced is only in the events; drop this after one release.
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.post_id = p.id AND e.type = 'post.published'
                         AND (e.payload->>'publishedAt')::timestamptz = p.published_at)
       ORDER BY p.published_at LIMIT $1`,
      ),
      [BATCH],
    )) as Array<Pick<Post, 'id' | 'authorId' | 'tags' | 'featured' | 'status'> & { publishedAt: Date }>;
    await recordEvents(
      m,
      due.map((post) => ({
        type: 'post.published' as const,
        postId: post.id,
        authorId: post.authorId,
        cacheKeys: postCacheKeys(post),
        payload: { publishedAt: post.publishedAt.toISOString(), scheduled: true },
      })),
    );
    if (due.length > 0) {
      // The time announced, as read: a post rescheduled meanwhile is announced again at its new time.
      await m.query(
        tagged(
          'go-live',
          `UPDATE posts p SET announced_published_at = d.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, at) WHERE p.id = d.id`,
        ),
        [due.map((post) => post.id), due.map((post) => post.publishedAt)],
      );
    }
    return due.length;
  });
}
