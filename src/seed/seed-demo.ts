import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { deriveExcerpt, htmlToText, readingTimeMinutes, sanitizeBody } from '../services/html-content';
import { slugify, uniqueSlug } from '../services/slug';
import { normalizeTags } from '../services/tags';
import { DEMO_AUTHORS, DEMO_POSTS, DemoComment } from './demo-content';
import { EntityManager } from 'typeorm';

/** Every demo author signs in with this password; the start log prints it. */
export const DEMO_PASSWORD = 'broadsheet-demo';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * True when the database holds no content yet: no posts, and no authors but possibly the
 * bootstrap admin. Demo content goes only into such a database.
 */
export async function isEmptyDatabase(db: DataSource, bootstrapAdminEmail?: string): Promise<boolean> {
  const [{ posts, authors }]: Array<{ posts: number; authors: number }> = await db.query(
    `SELECT (SELECT count(*)::int FROM posts) AS posts,
            (SELECT count(*)::int FROM authors WHERE lower(email) IS DISTINCT FROM lower($1)) AS authors`,
    [bootstrapAdminEmail ?? null],
  );
  return posts === 0 && authors === 0;
}

/**
 * Writes the demo newsroom (authors of each role, about 30 posts in every state) in one
 * transaction, through the same content rules as the API: sanitized bodies, derived excerpts,
 * reading times, slugs, normalized tags.
 */
export async function seedDemo(db: DataSource): Promise<{ authors: number; posts: number; comments: number; links: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  return db.transaction(async (m) => {
    const authorIds = new Map<string, string>();
    for (const author of DEMO_AUTHORS) {
      const [existing]: Array<{ id: string }> = await m.query('SELECT id FROM authors WHERE lower(email) = lower($1)', [author.email]);
      if (existing) {
        authorIds.set(author.key, existing.id);
        continue;
      }
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO authors (slug, name, email, password_hash, role, bio, avatar_url, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [await uniqueSlug(m, 'authors', slugify(author.name, 'author')), author.name, author.email, passwordHash, author.role,
          author.bio, author.avatarUrl ?? null, new Date(now - 90 * DAY_MS)],
      );
      authorIds.set(author.key, row.id);
    }

    const postIds = new Map<string, string>();
    let comments = 0;
    for (const post of DEMO_POSTS) {
      const body = sanitizeBody(post.body);
      const custom = post.excerpt ? htmlToText(post.excerpt) : '';
      const publishedAt = post.publishedDaysAgo === undefined ? null : new Date(now - post.publishedDaysAgo * DAY_MS);
      // Written a day or two before it went out (drafts: within the last week).
      const createdAt = new Date((publishedAt && publishedAt.getTime() < now ? publishedAt.getTime() : now) - (post.title.length % 5 + 1) * 6 * HOUR_MS);
      const authorId = authorIds.get(post.authorKey)!;
      const [{ id: postId }]: Array<{ id: string }> = await m.query(
        `INSERT INTO posts (slug, title, body, excerpt, excerpt_is_custom, status, published_at, source, cover_image_url, tags,
           featured, reading_time_minutes, author_id, last_editor_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $14) RETURNING id`,
        [await uniqueSlug(m, 'posts', slugify(post.title, 'post')), post.title, body, custom || deriveExcerpt(body), custom !== '',
          post.status, publishedAt, post.source ?? null, post.coverImageUrl ?? null, normalizeTags(post.tags), post.featured ?? false,
          readingTimeMinutes(body), authorId, createdAt],
      );
      postIds.set(post.key, postId);
      if (publishedAt) comments += await insertComments(m, postId, null, post.comments ?? [], publishedAt.getTime());
    }

    let links = 0;
    for (const post of DEMO_POSTS) {
      for (const [position, link] of (post.relatedLinks ?? []).entries()) {
        const targetId = link.targetKey ? postIds.get(link.targetKey)! : null;
        await m.query(
          `INSERT INTO related_links (post_id, kind, target_post_id, url, title, position) VALUES ($1, $2, $3, $4, $5, $6)`,
          [postIds.get(post.key), targetId ? 'POST' : 'EXTERNAL', targetId, targetId ? null : link.url, link.title ?? null, position],
        );
        links += 1;
      }
    }
    return { authors: DEMO_AUTHORS.length, posts: DEMO_POSTS.length, comments, links };
  });
}

/** Writes a thread of demo comments (replies under their parents); returns how many. */
async function insertComments(m: EntityManager, postId: string, parentId: string | null, thread: DemoComment[], publishedAtMs: number): Promise<number> {
  let count = 0;
  for (const comment of thread) {
    const at = new Date(Math.min(publishedAtMs + comment.hoursAfter * HOUR_MS, Date.now()));
    const [{ id }]: Array<{ id: string }> = await m.query(
      `INSERT INTO comments (post_id, parent_id, author_name, body, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [postId, parentId, comment.authorName, comment.body, comment.status, at],
    );
    count += 1 + (await insertComments(m, postId, id, comment.replies ?? [], publishedAtMs));
  }
  return count;
}
