import { SourceFormat } from './source-records';

/** What became of one kind of thing an export holds. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Something left out, not understood, or brought over changed, with where the file says it. */
export interface ReportEntry {
  /** What it is: post, comment, author, redirect, image, or what a parser skipped (page, attachment, ...). */
  what: string;
  sourceId: string | null;
  /** The line of the file the item starts at, when known. */
  line: number | null;
  reason: string;
}

/** What an import did (or, in a dry run, would do): counts per kind and every entry worth a look. */
export interface ImportReport {
  format: SourceFormat;
  dryRun: boolean;
  posts: Counts;
  comments: Counts;
  /** `matched`: existing authors the export's authors were found to be (by email, or by name within the import). */
  authors: Counts & { matched: number };
  redirects: Counts;
  /** With --import-images: images fetched into the library, found there from an earlier import, not fetched. */
  images: { fetched: number; reused: number; failed: number };
  /** Items left out, each with its reason (trash, a page, a comment whose post is not here, ...). */
  skipped: ReportEntry[];
  /** Items the parser could not read; the rest was imported. */
  malformed: ReportEntry[];
  /** Imported, but not exactly as the export had it (a reply whose parent is missing, tags over the limit, ...). */
  notes: ReportEntry[];
  /** Entries past ENTRY_LIMIT per list: counted here, not listed. */
  unlisted: number;
}

/** Entries kept per list: a file full of pages must not fill memory with their reasons. */
const ENTRY_LIMIT = 1000;

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 });

function emptyReport(format: SourceFormat, dryRun: boolean): ImportReport {
  return {
    format,
    dryRun,
    posts: zero(),
    comments: zero(),
    authors: { ...zero(), matched: 0 },
    redirects: zero(),
    images: { fetched: 0, reused: 0, failed: 0 },
    skipped: [],
    malformed: [],
    notes: [],
    unlisted: 0,
  };
}

type CountedKind = 'posts' | 'comments' | 'authors' | 'redirects';
type EntryList = 'skipped' | 'malformed' | 'notes';

/**
 * What one transaction of an import did, merged into the run's report only once it commits
 * (a rolled-back batch is written again post by post, and must not count twice).
 */
export class Tally {
  readonly report: ImportReport;

  constructor(format: SourceFormat, dryRun: boolean) {
    this.report = emptyReport(format, dryRun);
  }

  count(kind: CountedKind, outcome: keyof Counts | 'matched', n = 1): void {
    (this.report[kind] as unknown as Record<string, number>)[outcome] += n;
  }

  /** A skip of a counted kind (posts, comments, ...) is counted there too. */
  skip(what: string, sourceId: string | null, line: number | null, reason: string): void {
    const kind = `${what}s`;
    if (kind === 'posts' || kind === 'comments' || kind === 'authors' || kind === 'redirects')
      this.count(kind, 'skipped');
    this.entry('skipped', { what, sourceId, line, reason });
  }

  note(what: string, sourceId: string | null, line: number | null, reason: string): void {
    this.entry('notes', { what, sourceId, line, reason });
  }

  malformed(sourceId: string | null, line: number, reason: string): void {
    this.entry('malformed', { what: 'item', sourceId, line, reason });
  }

  image(outcome: keyof ImportReport['images']): void {
    this.report.images[outcome] += 1;
  }

  /** Whether anything was created or updated: a transaction that did nothing records no event. */
  changedAnything(): boolean {
    const { posts, comments, authors, redirects } = this.report;
    return [posts, comments, authors, redirects].some((counts) => counts.created + counts.updated > 0);
  }

  /** Adds what `other` (a committed transaction's tally) did. */
  merge(other: Tally): void {
    const from = other.report;
    for (const kind of ['posts', 'comments', 'authors', 'redirects'] as const) {
      for (const [outcome, n] of Object.entries(from[kind])) this.count(kind, outcome as keyof Counts, n);
    }
    for (const outcome of ['fetched', 'reused', 'failed'] as const) this.report.images[outcome] += from.images[outcome];
    for (const list of ['skipped', 'malformed', 'notes'] as const) {
      for (const entry of from[list]) this.entry(list, entry);
    }
    this.report.unlisted += from.unlisted;
  }

  private entry(list: EntryList, entry: ReportEntry): void {
    if (this.report[list].length < ENTRY_LIMIT) this.report[list].push(entry);
    else this.report.unlisted += 1;
  }
}
