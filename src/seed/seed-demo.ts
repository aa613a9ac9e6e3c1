import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { deriveExcerpt, htmlToText, readingTimeMinutes, sanitizeBody } from '../services/html-content';
import { slugify, uniqueSlug } from '../services/slug';
import { normalizeTags } from '../services/tags';
import { DEMO_AUTHORS, DEMO_POSTS } from './demo-content';

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
export async function seedDemo(db: DataSource): Promise<{ authors: number; posts: number }> {
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

    for (const post of DEMO_POSTS) {
      const body = sanitizeBody(post.body);
      const custom = post.excerpt ? htmlToText(post.excerpt) : '';
      const publishedAt = post.publishedDaysAgo === undefined ? null : new Date(now - post.publishedDaysAgo * DAY_MS);
      // Written a day or two before it went out (drafts: within the last week).
      const createdAt = new Date((publishedAt && publishedAt.getTime() < now ? publishedAt.getTime() : now) - (post.title.length % 5 + 1) * 6 * HOUR_MS);
      const authorId = authorIds.get(post.authorKey)!;
      await m.query(
        `INSERT INTO posts (slug, title, body, excerpt, excerpt_is_custom, status, published_at, source, cover_image_url, tags,
           featured, reading_time_minutes, author_id, last_editor_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $14)`,
        [await uniqueSlug(m, 'posts', slugify(post.title, 'post')), post.title, body, custom || deriveExcerpt(body), custom !== '',
          post.status, publishedAt, post.source ?? null, post.coverImageUrl ?? null, normalizeTags(post.tags), post.featured ?? false,
          readingTimeMinutes(body), authorId, createdAt],
      );
    }
    return { authors: DEMO_AUTHORS.length, posts: DEMO_POSTS.length };
  });
}
