import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { CommentStatus, PostStatus, Role } from '../domain/enums';
import { SitePaths } from '../domain/site-paths';
import { NO_RATE_LIMIT } from '../limits/rate-limiter';
import { AuthorService } from '../services/author.service';
import { CommentService } from '../services/comment.service';
import { MediaFiles } from '../services/media-files';
import { NewMedia } from '../services/media.commands';
import { MediaService } from '../services/media.service';
import { PostService } from '../services/post.service';
import { RedirectService } from '../services/redirect.service';
import { RelatedLinkService } from '../services/related-link.service';
import { DEMO_AUTHORS, DEMO_COVERS, DEMO_POSTS, DemoComment, DemoCover } from './demo-content';

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
 * How demo posts get their cover images: the media capability draws each cover and stores it as
 * it stores an upload (the original and its renditions, in MEDIA_STORAGE). Passed in by `npm
 * start` and `npm run seed`, which sit above the media capability; without it, no covers.
 */
export interface DemoCoverMaker {
  files: MediaFiles;
  settings: { widths: number[]; aspectRatios: string[] };
  make(cover: DemoCover): Promise<Pick<NewMedia, 'fileName' | 'mimeType' | 'original' | 'renditions'>>;
}

/** The services, bound to the seeding transaction (theirs become savepoints inside it). */
function servicesIn(m: EntityManager, postUrlTemplate: string, covers: DemoCoverMaker | undefined) {
  return {
    authors: new AuthorService(m),
    posts: new PostService(m, new RedirectService(m, new SitePaths(postUrlTemplate))),
    comments: new CommentService(m, NO_RATE_LIMIT),
    links: new RelatedLinkService(m),
    media: covers ? new MediaService(m, covers.files, covers.settings) : undefined,
  };
}

/** When each demo row "happened", set once everything is written (services stamp rows with now()). */
interface DemoDates {
  posts: Array<{ id: string; createdAt: Date }>;
  comments: Array<{ id: string; createdAt: Date }>;
}

/**
 * Writes the demo newsroom (authors of each role, about 30 posts in every state, threads of
 * comments, related links) in one transaction, through the same services as the API: posts get
 * sanitized bodies, derived excerpts, reading times, slugs, normalized tags and revisions as
 * real ones do; readers' comments arrive PENDING and are moderated. Then the rows are dated
 * back to when the story says they happened. `postUrlTemplate` (POST_URL_TEMPLATE) is where
 * the posts' services record slug history, as the server's do. With `covers`, a few published
 * posts get cover images (DEMO_COVERS), drawn and stored before the transaction; their files go
 * again when it fails.
 */
export async function seedDemo(
  db: DataSource,
  postUrlTemplate: string,
  covers?: DemoCoverMaker,
): Promise<{ authors: number; posts: number; comments: number; links: number; covers: number }> {
  const now = Date.now();
  // All at once: the media files' queue (MEDIA_CONCURRENCY) bounds the image work.
  const made = await Promise.all(
    (covers ? DEMO_COVERS : []).map(async (cover) => ({ ...cover, ...(await covers!.make(cover)) })),
  );
  const drawn = new Map(made.map((cover) => [cover.postKey, cover]));
  return db
    .transaction(async (m) => {
      const services = servicesIn(m, postUrlTemplate, covers);
      const viewers = new Map<string, Viewer>();
      for (const author of DEMO_AUTHORS) {
        const [existing]: Array<{ id: string }> = await m.query(
          'SELECT id FROM authors WHERE lower(email) = lower($1)',
          [author.email],
        );
        const id =
          existing?.id ??
          (await services.authors.create({ ...author, role: author.role as Role, password: DEMO_PASSWORD })).id;
        viewers.set(author.key, { id, role: author.role as Role });
      }
      // The demo admin features, links and moderates, as the newsroom's editor-in-chief.
      const admin = [...viewers.values()].find((viewer) => viewer.role === Role.ADMIN)!;

      const dates: DemoDates = { posts: [], comments: [] };
      const postIds = new Map<string, string>();
      for (const demo of DEMO_POSTS) {
        const author = viewers.get(demo.authorKey)!;
        const cover = drawn.get(demo.key);
        const coverMediaId = cover && (await services.media!.create(author, cover)).id;
        const post = await services.posts.create(author, { ...demo, coverMediaId });
        postIds.set(demo.key, post.id);
        const publishedAt = demo.publishedDaysAgo === undefined ? null : new Date(now - demo.publishedDaysAgo * DAY_MS);
        if (publishedAt) await services.posts.publish(author, post.id, publishedAt);
        if (demo.featured) await services.posts.setFeatured(admin, post.id, true);
        // Readers comment only on live posts.
        if (publishedAt && publishedAt.getTime() <= now) {
          await addThread(services, admin, post.id, undefined, demo.comments ?? [], publishedAt.getTime(), dates);
        }
        // Written a day or two before it went out (drafts: within the last week).
        const writtenBefore =
          (publishedAt && publishedAt.getTime() < now ? publishedAt.getTime() : now) -
          ((demo.title.length % 5) + 1) * 6 * HOUR_MS;
        dates.posts.push({ id: post.id, createdAt: new Date(writtenBefore) });
      }

      let links = 0;
      for (const demo of DEMO_POSTS) {
        for (const link of demo.relatedLinks ?? []) {
          const targetId = link.targetKey ? postIds.get(link.targetKey)! : undefined;
          await services.links.add(
            admin,
            postIds.get(demo.key)!,
            { url: targetId ? null : link.url, title: link.title ?? null },
            targetId,
          );
          links += 1;
        }
      }
      for (const demo of DEMO_POSTS) {
        if (demo.status === PostStatus.ARCHIVED)
          await services.posts.archive(viewers.get(demo.authorKey)!, postIds.get(demo.key)!);
      }

      await dateDemoRows(m, dates);
      const counts = { authors: DEMO_AUTHORS.length, posts: DEMO_POSTS.length, comments: dates.comments.length };
      return { ...counts, links, covers: drawn.size };
    })
    .catch(async (error: unknown) => {
      const keys = [...drawn.values()].flatMap((cover) =>
        [cover.original, ...cover.renditions].map((file) => file.key),
      );
      if (covers) await new MediaService(db.manager, covers.files, covers.settings).removeUnreferenced(keys);
      throw error;
    });
}

/** Adds a thread of demo comments as readers do, then moderates each to its demo status. */
async function addThread(
  services: ReturnType<typeof servicesIn>,
  moderator: Viewer,
  postId: string,
  parentId: string | undefined,
  thread: DemoComment[],
  publishedAtMs: number,
  dates: DemoDates,
): Promise<void> {
  for (const demo of thread) {
    const comment = await services.comments.add(null, 'demo', postId, parentId, {
      body: demo.body,
      authorName: demo.authorName,
    });
    if (demo.status !== CommentStatus.PENDING)
      await services.comments.moderate(moderator, comment.id, demo.status as CommentStatus);
    dates.comments.push({
      id: comment.id,
      createdAt: new Date(Math.min(publishedAtMs + demo.hoursAfter * HOUR_MS, Date.now())),
    });
    await addThread(services, moderator, postId, comment.id, demo.replies ?? [], publishedAtMs, dates);
  }
}

/** Dates the demo rows back in three set-based statements: posts, their revisions, comments. */
async function dateDemoRows(m: EntityManager, dates: DemoDates): Promise<void> {
  await m.query(
    `UPDATE posts p SET created_at = d.created_at, updated_at = LEAST(GREATEST(d.created_at, p.published_at), now())
     FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, created_at) WHERE p.id = d.id`,
    [dates.posts.map((row) => row.id), dates.posts.map((row) => row.createdAt)],
  );
  await m.query(
    'UPDATE post_revisions r SET created_at = p.created_at FROM posts p WHERE p.id = r.post_id AND p.id = ANY($1::uuid[])',
    [dates.posts.map((row) => row.id)],
  );
  await m.query(
    `UPDATE comments c SET created_at = d.created_at, updated_at = d.created_at
     FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, created_at) WHERE c.id = d.id`,
    [dates.comments.map((row) => row.id), dates.comments.map((row) => row.createdAt)],
  );
}
