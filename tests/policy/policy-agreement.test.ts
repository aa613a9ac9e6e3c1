import 'reflect-metadata';
import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import { Viewer } from '../../src/auth/viewer';
import { createDataSource } from '../../src/db/data-source';
import { CommentStatus, PostStatus, Role } from '../../src/domain/enums';
import { selectList } from '../../src/entities/columns';
import { Comment } from '../../src/entities/comment.entity';
import { Media } from '../../src/entities/media.entity';
import { Post } from '../../src/entities/post.entity';
import { RelatedLink } from '../../src/entities/related-link.entity';
import { canSeeAuthor, visibleAuthorSql } from '../../src/policy/author.policy';
import { canSeeComment, inPublicThread, inPublicThreadSql, visibleCommentSql } from '../../src/policy/comment.policy';
import { canSeeMedia, visibleMediaSql } from '../../src/policy/media.policy';
import {
  canEditPost,
  canSeePost,
  editablePostSql,
  isLive,
  livePostSql,
  servedStatus,
  servedStatusSql,
  visiblePostSql,
} from '../../src/policy/post.policy';
import { canSeeLink, visibleLinkSql } from '../../src/policy/related-link.policy';
import { createTestDatabase } from '../helpers/test-database';

/**
 * Each policy says the same thing twice: as a TypeScript predicate (for rows already loaded)
 * and as an SQL fragment (for lists and lookups). This runs one fixture of every kind of row
 * through both, for every kind of viewer, and fails where they disagree.
 */

const id = () => crypto.randomUUID();
const DAY = "interval '1 day'";

const authors = { owner: id(), draftsOnly: id(), editor: id(), admin: id() };
const viewers: Record<string, Viewer | null> = {
  anonymous: null,
  owner: { id: authors.owner, role: Role.AUTHOR },
  'author with drafts only': { id: authors.draftsOnly, role: Role.AUTHOR },
  editor: { id: authors.editor, role: Role.EDITOR },
  admin: { id: authors.admin, role: Role.ADMIN },
};

/** Every status against every moment: never, a day ago, in a day. */
const postFixtures: Array<{ status: PostStatus; publishedAt: string | null }> = [
  { status: PostStatus.DRAFT, publishedAt: null },
  { status: PostStatus.PUBLISHED, publishedAt: `now() - ${DAY}` },
  { status: PostStatus.PUBLISHED, publishedAt: `now() + ${DAY}` },
  { status: PostStatus.SCHEDULED, publishedAt: `now() - ${DAY}` },
  { status: PostStatus.SCHEDULED, publishedAt: `now() + ${DAY}` },
  { status: PostStatus.ARCHIVED, publishedAt: `now() - ${DAY}` },
  { status: PostStatus.ARCHIVED, publishedAt: null },
];

let db: DataSource;
let posts: Post[];
let comments: Comment[];
let links: RelatedLink[];
let media: Media[];

async function insertFixture(): Promise<void> {
  for (const [key, authorId] of Object.entries(authors)) {
    const role = key === 'admin' ? Role.ADMIN : key === 'editor' ? Role.EDITOR : Role.AUTHOR;
    await db.query(
      `INSERT INTO authors (id, slug, name, email, password_hash, role) VALUES ($1, $2, $2, $2 || '@example.com', 'x', $3)`,
      [authorId, `policy-${key}`.replace(/\s/g, '-'), role],
    );
  }
  const postIds: string[] = [];
  for (const owner of [authors.owner, authors.editor]) {
    for (const fixture of postFixtures) {
      const postId = id();
      postIds.push(postId);
      await db.query(
        `INSERT INTO posts (id, slug, title, body, excerpt, status, published_at, reading_time_minutes, author_id, last_editor_id)
         VALUES ($1::uuid, $1::text, 't', 'b', 'e', $2, ${fixture.publishedAt ?? 'NULL'}, 1, $3, $3)`,
        [postId, fixture.status, owner],
      );
    }
  }
  // The author with drafts only has exactly that.
  await db.query(
    `INSERT INTO posts (id, slug, title, body, excerpt, status, reading_time_minutes, author_id, last_editor_id)
     VALUES ($1::uuid, $1::text, 't', 'b', 'e', 'DRAFT', 1, $2, $2)`,
    [id(), authors.draftsOnly],
  );

  // On every post: a comment of each status by a reader and by the owner, and replies under an
  // approved and under a pending comment.
  for (const postId of postIds) {
    for (const status of Object.values(CommentStatus)) {
      for (const authorId of [null, authors.owner]) {
        const commentId = id();
        await db.query(
          `INSERT INTO comments (id, post_id, author_id, author_name, body, status) VALUES ($1, $2, $3, 'n', 'b', $4)`,
          [commentId, postId, authorId, status],
        );
        if (authorId === null && (status === CommentStatus.APPROVED || status === CommentStatus.PENDING)) {
          await db.query(
            `INSERT INTO comments (post_id, parent_id, author_name, body, status) VALUES ($1, $2, 'n', 'b', 'APPROVED')`,
            [postId, commentId],
          );
        }
      }
    }
  }

  // Images: the cover of each post (every status and moment); one the cover of a draft and of
  // a live post, one of two posts that are not live (a draft, an archived one), one in no post;
  // uploaded by each kind of author and by none (a deleted one).
  const uploaders = [authors.owner, authors.editor, authors.draftsOnly, null];
  let images = 0;
  const image = async () => {
    const n = images++;
    const [row]: Array<{ id: string }> = await db.query(
      `INSERT INTO media (storage_key, file_name, mime_type, width, height, bytes, uploaded_by)
       VALUES ($1, 'f.jpg', 'image/jpeg', 10, 10, 100, $2) RETURNING id`,
      [`key-${n}.jpg`, uploaders[n % uploaders.length]],
    );
    return row.id;
  };
  const setCover = async (postIdsOfCover: string[], mediaId: string) =>
    db.query('UPDATE posts SET cover_media_id = $2 WHERE id = ANY($1::uuid[])', [postIdsOfCover, mediaId]);
  for (const postId of postIds) await setCover([postId], await image());
  await setCover([postIds[0], postIds[1]], await image()); // the owner's draft and live post
  await setCover([postIds[postFixtures.length], postIds[postFixtures.length + 6]], await image());
  await image();

  // From every post: an external link, and a link to each other post of the first owner.
  for (const postId of postIds) {
    let position = 0;
    await db.query(
      `INSERT INTO related_links (post_id, kind, url, title, position) VALUES ($1, 'EXTERNAL', 'https://example.org', 'x', $2)`,
      [postId, position++],
    );
    for (const targetId of postIds.slice(0, postFixtures.length)) {
      if (targetId === postId) continue;
      await db.query(
        `INSERT INTO related_links (post_id, kind, target_post_id, position) VALUES ($1, 'POST', $2, $3)`,
        [postId, targetId, position++],
      );
    }
  }
}

beforeAll(async () => {
  db = createDataSource({ url: await createTestDatabase('policy'), poolSize: 2 });
  await db.initialize();
  await insertFixture();
  posts = await db.query(`SELECT ${selectList(Post, 'p')} FROM posts p`);
  comments = await db.query(`SELECT ${selectList(Comment, 'c')} FROM comments c`);
  links = await db.query(`SELECT ${selectList(RelatedLink, 'l')} FROM related_links l`);
  media = await db.query(`SELECT ${selectList(Media, 'm')} FROM media m`);
});
afterAll(() => db.destroy());

/** The ids of `table` rows (aliased `alias`) that an SQL condition admits. */
async function idsWhere(table: string, alias: string, condition: (params: unknown[]) => string): Promise<string[]> {
  const params: unknown[] = [];
  const where = condition(params);
  const rows: Array<{ id: string }> = await db.query(
    `SELECT ${alias}.id FROM ${table} ${alias} WHERE ${where}`,
    params,
  );
  return rows.map((row) => row.id).sort();
}

const idsOf = <T extends { id: string }>(rows: T[], predicate: (row: T) => boolean) =>
  rows
    .filter(predicate)
    .map((row) => row.id)
    .sort();
const postById = (postId: string) => posts.find((post) => post.id === postId)!;

describe.each(Object.entries(viewers))('the policies agree in TypeScript and SQL for %s', (_name, viewer) => {
  it('posts: live, and visible', async () => {
    expect(await idsWhere('posts', 'p', () => livePostSql('p'))).toEqual(idsOf(posts, (post) => isLive(post)));
    const visible = await idsWhere('posts', 'p', (params) => visiblePostSql(viewer, 'p', params));
    expect(visible).toEqual(idsOf(posts, (post) => canSeePost(viewer, post)));
    // The fixture is not trivial: some posts are hidden from readers, and none from editors.
    expect(visible.length).toBeGreaterThan(0);
  });

  it('posts: editable (what the staff lists of unpublished posts hold)', async () => {
    const editable = await idsWhere('posts', 'p', (params) => editablePostSql(viewer, 'p', params));
    expect(editable).toEqual(idsOf(posts, (post) => canEditPost(viewer, post)));
  });

  it('comments: visible, and in the public thread', async () => {
    const visible = await idsWhere('comments', 'c', (params) => visibleCommentSql(viewer, 'c', params));
    expect(visible).toEqual(idsOf(comments, (comment) => canSeeComment(viewer, comment, postById(comment.postId))));
    const parentOf = (comment: Comment) => comments.find((candidate) => candidate.id === comment.parentId) ?? null;
    expect(await idsWhere('comments', 'c', () => inPublicThreadSql('c'))).toEqual(
      idsOf(comments, (comment) => inPublicThread(comment, parentOf(comment))),
    );
  });

  it('related links', async () => {
    const visible = await idsWhere('related_links', 'l', (params) => visibleLinkSql(viewer, 'l', params));
    const target = (link: RelatedLink) => (link.targetPostId ? postById(link.targetPostId) : null);
    expect(visible).toEqual(idsOf(links, (link) => canSeeLink(viewer, link, postById(link.postId), target(link))));
  });

  it('media: an image is public while a live post has it as its cover', async () => {
    const coverOfLivePost = (mediaId: string) => posts.some((post) => post.coverMediaId === mediaId && isLive(post));
    expect(await idsWhere('media', 'm', () => visibleMediaSql(viewer, 'm'))).toEqual(
      idsOf(media, (item) => canSeeMedia(viewer, { coverOfLivePost: coverOfLivePost(item.id) })),
    );
  });

  it('authors', async () => {
    const hasLivePost = (authorId: string) => posts.some((post) => post.authorId === authorId && isLive(post));
    const all = Object.values(authors).map((authorId) => ({ id: authorId }));
    expect(await idsWhere('authors', 'a', () => visibleAuthorSql(viewer, 'a'))).toEqual(
      idsOf(all, (author) => canSeeAuthor(viewer, { hasLivePost: hasLivePost(author.id) })),
    );
  });
});

describe('the served status agrees in TypeScript and SQL', () => {
  it.each(Object.values(PostStatus))('posts: served as %s', async (status) => {
    const served = await idsWhere('posts', 'p', () => servedStatusSql(status, 'p'));
    expect(served).toEqual(idsOf(posts, (post) => servedStatus(post) === status));
    expect(served.length).toBeGreaterThan(0);
  });
});

describe('the fixture covers each rule both ways', () => {
  it('readers see some but not all posts, comments, links, media and authors', async () => {
    for (const [table, alias, condition] of [
      ['posts', 'p', (params: unknown[]) => visiblePostSql(null, 'p', params)],
      ['comments', 'c', (params: unknown[]) => visibleCommentSql(null, 'c', params)],
      ['related_links', 'l', (params: unknown[]) => visibleLinkSql(null, 'l', params)],
      ['media', 'm', () => visibleMediaSql(null, 'm')],
      ['authors', 'a', () => visibleAuthorSql(null, 'a')],
    ] as const) {
      const [{ count }]: Array<{ count: number }> = await db.query(`SELECT count(*)::int AS count FROM ${table}`);
      const seen = (await idsWhere(table, alias, condition)).length;
      expect(seen).toBeGreaterThan(0);
      expect(seen).toBeLessThan(count);
    }
  });
});
