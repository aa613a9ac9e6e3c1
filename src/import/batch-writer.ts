import { EntityManager } from 'typeorm';
import { CommentToWrite, Orphan, threadOrphans, writeComments } from './comment-writer';
import { ImageImporter } from './image-import';
import { recordImportBatch, recordImportCompleted } from './import-events';
import { Tally } from './import-report';
import { ImportTransactions, isItemFailure } from './import-transactions';
import { CommentItem } from './item-batches';
import { ImportContext, PostItem, writePostBatch } from './post-batch';
import { PostBatch, leaveOut, preparePosts } from './post-preparation';

/** Replies threaded per transaction at the end of a run. */
const ORPHANS_PER_BATCH = 1000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes the batches of one run: what can be decided before a transaction (known, unchanged,
 * left out) is, then one transaction per batch. A batch PostgreSQL refuses is written again item
 * by item, so one bad item is reported and the rest is imported. What each batch did is merged
 * into the run's report once it commits.
 */
export class BatchWriter {
  private orphans: Orphan[] = [];
  /** The source ids of the posts being written now: a read of the next batch does not see them yet. */
  private writing: ReadonlySet<string> = new Set();

  constructor(
    private readonly tx: ImportTransactions,
    private readonly ctx: ImportContext,
    private readonly images: ImageImporter | null,
    private readonly run: Tally,
    private readonly now = new Date(),
  ) {}

  private tally(): Tally {
    return new Tally(this.run.report.format, this.run.report.dryRun);
  }

  /**
   * Reads and decides a batch of posts and fetches its images: what runs while the batch before
   * it is written (in a real run).
   */
  async preparePosts(items: PostItem[], writing: ReadonlySet<string> = this.writing): Promise<PostBatch> {
    const batch = await preparePosts(this.tx.reader, this.ctx.sources, items, {
      tally: this.tally(),
      importImages: this.images !== null,
      now: this.now,
      writing,
    });
    if (this.images) await this.images.bring(batch.prepared, this.run);
    return batch;
  }

  async writePosts(batch: PostBatch): Promise<void> {
    const { items, before, prepared, unchanged } = batch;
    // Replaced, never changed in place: a batch being prepared holds the set it was given.
    this.writing = new Set(items.map((item) => item.post.sourceId));
    try {
      await this.write(
        before,
        (m, tally, keys) => writePostBatch(m, this.ctx, { prepared, known: unchanged }, tally, keys),
        items.length,
        async () => {
          for (const item of items) await this.writePosts(await this.preparePosts([item], new Set()));
        },
        (error) => {
          const why = `could not be written: ${messageOf(error)}`;
          for (const item of prepared) leaveOut(before, item, why, why);
          for (const item of unchanged)
            for (const c of item.post.comments) before.skip('comment', c.sourceId, item.line, why);
          this.run.merge(before);
        },
      );
    } finally {
      this.writing = new Set();
    }
  }

  async comments(items: CommentItem[]): Promise<void> {
    const before = this.tally();
    const posts = await this.ctx.sources.find(
      this.tx.reader,
      'post',
      items.map((item) => item.postSourceId),
    );
    const writable: CommentToWrite[] = [];
    for (const { postSourceId, comment, line } of items) {
      const post = posts.get(postSourceId);
      if (post?.present) writable.push({ postId: post.targetId, comment, line });
      else {
        const why = post
          ? 'its post was deleted here'
          : `its post ${postSourceId} was not imported (see its entry, if any)`;
        before.skip('comment', comment.sourceId, line, why);
      }
    }
    await this.write(
      before,
      (m, tally, keys) => writeComments(m, this.ctx.sources, writable, tally, keys),
      writable.length,
      async () => {
        for (const item of items) await this.comments([item]);
      },
      (error) => {
        for (const { comment, line } of writable)
          before.skip('comment', comment.sourceId, line, `could not be written: ${messageOf(error)}`);
        this.run.merge(before);
      },
    );
  }

  /** At the end: replies whose parents came later are threaded, and a run that changed anything announces itself. */
  async finish(): Promise<void> {
    for (let i = 0; i < this.orphans.length; i += ORPHANS_PER_BATCH) {
      const chunk = this.orphans.slice(i, i + ORPHANS_PER_BATCH);
      await this.write(this.tally(), async (m, tally, keys) => {
        await threadOrphans(m, this.ctx.sources, chunk, tally, keys);
        return [];
      });
    }
    this.orphans = [];
    if (this.run.report.dryRun || !this.run.changedAnything()) return;
    await this.tx.batch(
      (m) => recordImportCompleted(m, this.run.report),
      () => undefined,
    );
  }

  /**
   * One transaction: `work` with a fresh tally and key set, its batch event, then the tally
   * merged (after `before`'s). When PostgreSQL refuses the batch: `oneByOne` when there is more
   * than one item, else `failed` (the item is reported); anything else stops the run.
   */
  private async write(
    before: Tally,
    work: (m: EntityManager, tally: Tally, keys: Set<string>) => Promise<Orphan[]>,
    size = 1,
    oneByOne?: () => Promise<void>,
    failed?: (error: unknown) => void,
  ): Promise<void> {
    try {
      const { tally, orphans } = await this.tx.batch(
        async (m) => {
          const tally = this.tally();
          const keys = new Set<string>();
          const orphans = await work(m, tally, keys);
          await recordImportBatch(m, keys, tally);
          return { tally, orphans };
        },
        () => this.ctx.authors.forget(),
      );
      this.run.merge(before);
      this.run.merge(tally);
      this.orphans.push(...orphans);
    } catch (error) {
      if (!isItemFailure(error) || !failed) throw error;
      if (size > 1 && oneByOne) await oneByOne();
      else failed(error);
    }
  }
}
