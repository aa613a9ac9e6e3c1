import { EntityManager } from 'typeorm';
import { CacheKey } from '../domain/cache-keys';
import { recordEvents } from '../events/outbox';
import { ImportReport, Tally } from './import-report';

/**
 * How an import tells the rest of the system, without one webhook delivery or live update per
 * imported post: each of its transactions that changed something records one `import.batch`
 * event carrying the cache keys of what it changed (the lists, updated posts' pages, the old
 * paths now redirected), which caches and CDN purges hear and webhooks are not offered (live
 * subscribers hear only post.published and comments); the run ends with one `import.completed`
 * event, offered to webhooks, with the report's counts. Imported posts are old news: their
 * subscribers were told when the old site published them. (A post imported as scheduled is
 * announced when its moment comes, like any scheduled post.)
 */
export async function recordImportBatch(m: EntityManager, keys: Set<string>, tally: Tally): Promise<void> {
  if (keys.size === 0 && !tally.changedAnything()) return;
  const { posts, comments, redirects } = tally.report;
  await recordEvents(m, [
    {
      type: 'import.batch',
      cacheKeys: [...keys],
      payload: {
        posts: posts.created + posts.updated,
        comments: comments.created + comments.updated,
        redirects: redirects.created,
      },
    },
  ]);
}

/** The one event of a run that changed anything: the counts, for an integration to re-read what it mirrors. */
export async function recordImportCompleted(m: EntityManager, report: ImportReport): Promise<void> {
  const counts = ({ created, updated, unchanged, skipped }: ImportReport['posts']) => ({
    created,
    updated,
    unchanged,
    skipped,
  });
  await recordEvents(m, [
    {
      type: 'import.completed',
      // Feeds and lists were purged batch by batch; this moves the feeds' last change once more.
      cacheKeys: [CacheKey.postLists],
      payload: {
        format: report.format,
        posts: counts(report.posts),
        comments: counts(report.comments),
        authors: { ...counts(report.authors), matched: report.authors.matched },
        redirects: counts(report.redirects),
      },
    },
  ]);
}
