import { Presets, SingleBar } from 'cli-progress';
import { ImportReport } from './import-report';

/** How often a progress line is written when the output is not a terminal (a log, CI). */
const PLAIN_EVERY_MS = 5000;

/** Where an import shows how far it is: by the bytes of the file read, and what was written. */
interface ProgressDisplay {
  update(report: ImportReport, bytesRead: number): void;
  stop(): void;
}

const done = (report: ImportReport) => ({
  posts: report.posts.created + report.posts.updated + report.posts.unchanged,
  comments: report.comments.created + report.comments.updated + report.comments.unchanged,
  skipped: report.posts.skipped + report.comments.skipped + report.malformed.length,
});

/**
 * Progress on `stream` (stderr: the report goes to stdout): a bar on a terminal (cli-progress),
 * else a plain line every few seconds, so a log shows the import is alive without a line per batch.
 */
export function progressDisplay(
  stream: NodeJS.WriteStream,
  totalBytes: number,
  everyMs = PLAIN_EVERY_MS,
): ProgressDisplay {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format:
          'importing [{bar}] {percentage}% | {posts} posts, {comments} comments, {skipped} left out | {eta_formatted}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { posts: 0, comments: 0, skipped: 0 });
    return {
      update: (report, bytesRead) => bar.update(Math.min(bytesRead, totalBytes), done(report)),
      stop: () => {
        bar.stop();
        stream.write('\n'); // the bar's last state stays above what follows
      },
    };
  }
  let last = Date.now();
  return {
    update(report, bytesRead) {
      if (Date.now() - last < everyMs) return;
      last = Date.now();
      const { posts, comments, skipped } = done(report);
      const percent = totalBytes > 0 ? Math.floor((100 * Math.min(bytesRead, totalBytes)) / totalBytes) : 0;
      stream.write(`import: ${percent}% of the file read; ${posts} posts, ${comments} comments, ${skipped} left out\n`);
    },
    stop: () => undefined,
  };
}
