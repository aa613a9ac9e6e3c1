import { DataSource } from 'typeorm';
import { SitePaths } from '../domain/site-paths';
import { RedirectService } from '../services/redirect.service';
import { AuthorMatcher } from './author-matching';
import { BatchWriter } from './batch-writer';
import { ImageImporter, ImageLibrary } from './image-import';
import { ImportReport, Tally } from './import-report';
import { ImportTransactions } from './import-transactions';
import { itemBatches, readAhead } from './item-batches';
import { SourceIds } from './source-ids';
import { SourceFormat, SourceItem } from './source-records';

/** What an import writes through: the database, the site's paths and its redirects, the media library. */
export interface ImportDeps {
  db: DataSource;
  paths: SitePaths;
  redirects: RedirectService;
  /** Where --import-images stores images. */
  images: ImageLibrary;
}

export interface ImportOptions {
  /** A parser's items, in file order (src/import/formats). */
  items: AsyncIterable<SourceItem>;
  format: SourceFormat;
  /** Tells two blogs of one format apart in one database (their ids may collide); '' for the only one. */
  blog?: string;
  /** Writes nothing: the same report, from one transaction rolled back at the end. */
  dryRun?: boolean;
  /** Fetches every `<img src>` into the media library and points the body at it. */
  importImages?: boolean;
  /** Called after each batch with the report so far (progress on the terminal). */
  progress?: (report: ImportReport) => void;
}

/** Entries by their line: items reported at once and those written in batches, told in the file's order. */
function inFileOrder(report: ImportReport): ImportReport {
  for (const list of [report.skipped, report.malformed, report.notes])
    list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return report;
}

/** Two imports at once would each find the other's posts new: one at a time per database. */
const IMPORT_LOCK = 'broadsheet:import';

/**
 * Imports an export's items: posts with their authors, tags, old URLs as redirects and
 * comments, batch by batch, each batch one transaction; again with the same file, nothing
 * changes; with a newer export, what changed is updated. Answers what it did. A dry run holds one
 * transaction for its whole length (rolled back at the end): while it runs, the outbox's
 * dispatcher waits for it, so a running server's events are delivered when it ends.
 */
export async function runImport(deps: ImportDeps, options: ImportOptions): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const run = new Tally(options.format, dryRun);
  const sources = new SourceIds(options.format, options.blog ?? '');
  const runner = deps.db.createQueryRunner();
  await runner.connect();
  let locked = false;
  try {
    [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [IMPORT_LOCK])) as Array<{
      locked: boolean;
    }>;
    if (!locked) throw new Error('Another import is running on this database; run this one once it has ended.');
    const tx = new ImportTransactions(runner, dryRun, deps.db.manager);
    const images = options.importImages ? new ImageImporter(deps.images, sources, deps.db.manager) : null;
    const ctx = { sources, authors: new AuthorMatcher(sources), paths: deps.paths, redirects: deps.redirects };
    const writer = new BatchWriter(tx, ctx, images, run);
    // A real run writes one batch of posts while it reads and sanitizes the next (two cores: this
    // process and PostgreSQL); a dry run, whose reads are in its one transaction, one at a time.
    let writing: Promise<void> | null = null;
    const written = async () => {
      const pending = writing;
      writing = null;
      await pending;
    };
    await tx.begin();
    try {
      for await (const batch of readAhead(itemBatches(options.items))) {
        if (batch.kind === 'posts') {
          const prepared = await writer.preparePosts(batch.items);
          await written();
          writing = writer.writePosts(prepared);
          writing.catch(() => undefined); // awaited before the next batch; rejects there
          if (dryRun) await written();
        } else if (batch.kind === 'comments') {
          // Their posts are found by source id: those being written first.
          await written();
          await writer.comments(batch.items);
        } else if (batch.kind === 'skipped') run.skip(batch.what, batch.sourceId, batch.line, batch.reason);
        else run.malformed(batch.sourceId, batch.line, batch.reason);
        options.progress?.(run.report);
      }
      await written();
      await writer.finish();
    } finally {
      // A run stopped by a failure lets the batch in flight end before its connection goes.
      await (writing as Promise<void> | null)?.catch(() => undefined);
      await tx.end();
    }
    return inFileOrder(run.report);
  } finally {
    if (locked) await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [IMPORT_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
