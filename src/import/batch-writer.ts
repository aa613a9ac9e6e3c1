import { EntityManager } from 'typeorm';
import { CommentToWrite, Orphan, threadOrphans, writeComments } from './comment-writer';
import { ImageImporter } from './image-import';
import { recordImportBatch, recordImportCompleted } from './import-events';
import { Tally } from './import-report';
import { ImportTransactions, isItemFailure } from './import-transactions';
import { CommentItem } from './item-batches';
import { ImportContext, KnownPost, PostItem, PreparedPost, writePostBatch } from './post-batch';
import { mapPost, postSourceFacts } from './post-mapping';
import { contentHash } from './source-ids';

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

  constructor(
    private readonly tx: ImportTransactions,
    private readonly ctx: ImportContext,
    private readonly images: ImageImporter | null,
    private readonly run: Tally,
    private readonly now = new Date(),
  ) {}

  async posts(items: PostItem[]): Promise<void> {
    const { sources } = this.ctx;
    const before = new Tally(this.run.report.format, this.run.report.dryRun);
    const known = await sources.find(
      this.tx.manager,
      'post',
      items.map((item) => item.post.sourceId),
    );
    const prepared: PreparedPost[] = [];
    const unchanged: KnownPost[] = [];
    const seen = new Set<string>();
    const leaveOut = (item: PostItem, reason: string, commentsReason = 'its post was left out') => {
      before.skip('post', item.post.sourceId, item.line, reason);
      for (const comment of item.post.comments) before.skip('comment', comment.sourceId, item.line, commentsReason);
    };
    for (const item of items) {
      const { sourceId } = item.post;
      if (seen.has(sourceId)) leaveOut(item, 'appears twice in the file; the first is kept', 'its post appears twice');
      else if (known.get(sourceId)?.present === false) {
        leaveOut(item, 'deleted here since it was imported; left deleted', 'its post was deleted here');
      } else {
        seen.add(sourceId);
        const earlier = known.get(sourceId);
        const hash = contentHash([postSourceFacts(item.post), this.images !== null]);
        if (earlier?.hash === hash) {
          unchanged.push({ ...item, postId: earlier.targetId });
          continue;
        }
        const mapping = mapPost(item.post, this.now);
        if ('skip' in mapping) leaveOut(item, mapping.skip, `its post was left out (${mapping.skip})`);
        else prepared.push({ ...item, mapped: mapping.post, hash, postId: earlier?.targetId ?? null });
      }
    }
    before.count('posts', 'unchanged', unchanged.length);
    before.count('redirects', 'unchanged', await this.importedRedirects(unchanged.map((item) => item.postId)));
    if (this.images) await this.images.bring(this.tx.manager, prepared, this.run);
    await this.write(
      before,
      (m, tally, keys) => writePostBatch(m, this.ctx, { prepared, known: unchanged }, tally, keys),
      items.length,
      async () => {
        for (const item of items) await this.posts([item]);
      },
      (error) => {
        const why = `could not be written: ${messageOf(error)}`;
        for (const item of prepared) leaveOut(item, why, why);
        for (const item of unchanged)
          for (const c of item.post.comments) before.skip('comment', c.sourceId, item.line, why);
        this.run.merge(before);
      },
    );
  }

  async comments(items: CommentItem[]): Promise<void> {
    const before = new Tally(this.run.report.format, this.run.report.dryRun);
    const posts = await this.ctx.sources.find(
      this.tx.manager,
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
      const before = new Tally(this.run.report.format, this.run.report.dryRun);
      await this.write(before, async (m, tally, keys) => {
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

  /** How many of these posts' IMPORT redirects are there already (a re-run counts them unchanged). */
  private async importedRedirects(postIds: string[]): Promise<number> {
    if (postIds.length === 0) return 0;
    const [{ n }] = (await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM redirects WHERE source = 'IMPORT' AND post_id = ANY($1::uuid[])`,
      [postIds],
    )) as Array<{ n: number }>;
    return n;
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
          const tally = new Tally(this.run.report.format, this.run.report.dryRun);
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
