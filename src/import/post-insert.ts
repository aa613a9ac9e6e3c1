import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PostStatus } from '../domain/enums';
import { slugForNewRow } from '../services/slug';
import { MappedPost } from './post-mapping';

/** A post new to this database, mapped, with its author found. */
export interface NewImportedPost {
  mapped: MappedPost;
  authorId: string;
}

/** Where a new post went: its id and slug. */
export interface InsertedPost {
  id: string;
  slug: string;
}

interface PostRow {
  id: string;
  slug: string;
  title: string;
  body: string;
  excerpt: string;
  status: PostStatus;
  published_at: Date | null;
  tags: string[];
  reading_time_minutes: number;
  author_id: string;
  created_at: Date;
  updated_at: Date;
}

function rowOf(post: NewImportedPost, slug: string): PostRow {
  const { mapped } = post;
  return {
    id: randomUUID(),
    slug,
    title: mapped.title,
    body: mapped.body,
    excerpt: mapped.excerpt,
    status: mapped.status,
    published_at: mapped.publishedAt,
    tags: mapped.tags,
    reading_time_minutes: mapped.readingTimeMinutes,
    author_id: post.authorId,
    created_at: mapped.createdAt,
    updated_at: mapped.updatedAt,
  };
}

/**
 * Inserts `rows` in one statement. Version 1, the author as last editor, the export's dates; a
 * scheduled post keeps no announced time, so the go-live sweep announces it when it goes live.
 */
async function insertRows(m: EntityManager, rows: PostRow[]): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO posts (id, slug, title, body, excerpt, status, published_at, tags, reading_time_minutes,
         author_id, last_editor_id, created_at, updated_at)
     SELECT r.id, r.slug, r.title, r.body, r.excerpt, r.status, r.published_at, r.tags, r.reading_time_minutes,
         r.author_id, r.author_id, r.created_at, r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, slug text, title text, body text, excerpt text, status text,
         published_at timestamptz, tags text[], reading_time_minutes integer, author_id uuid,
         created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Inserts new posts, in `m`. Each keeps the old site's slug where it is free (one lookup for
 * the batch, one statement for those posts); the others get the usual slug of their title
 * (`-2`, `-3`... when taken), one by one, since each such slug must see the ones before it.
 */
export async function insertPosts(m: EntityManager, posts: NewImportedPost[]): Promise<InsertedPost[]> {
  if (posts.length === 0) return [];
  const candidates = posts.map((post) => post.mapped.oldSlug).filter((slug) => slug !== null);
  const taken = new Set(
    (
      (await m.query('SELECT slug FROM posts WHERE slug = ANY($1::text[])', [candidates])) as Array<{ slug: string }>
    ).map((row) => row.slug),
  );
  const rows: Array<PostRow | null> = posts.map((post) => {
    const slug = post.mapped.oldSlug;
    if (slug === null || taken.has(slug)) return null;
    taken.add(slug);
    return rowOf(post, slug);
  });
  await insertRows(
    m,
    rows.filter((row) => row !== null),
  );
  for (const [i, post] of posts.entries()) {
    if (rows[i] !== null) continue;
    rows[i] = rowOf(post, await slugForNewRow(m, 'posts', null, post.mapped.title, 'post'));
    await insertRows(m, [rows[i]]);
  }
  return rows.map((row) => ({ id: row!.id, slug: row!.slug }));
}
