import { Config, loadConfig } from '../../src/config';
import { ImportReport, importer } from '../../src/import';
import { SourceAuthor, SourceComment, SourceFormat, SourceItem, SourcePost } from '../../src/import/source-records';
import { TestServer } from '../helpers/test-server';

/** Each line of a made-up export, so reported lines can be told apart. */
let line = 0;
const nextLine = () => (line += 10);

export function author(sourceId: string, name: string, email: string | null = null): SourceAuthor {
  return { sourceId, name, email };
}

/** A post as a parser yields it: published in 2020 unless told otherwise. */
export function sourcePost(sourceId: string, overrides: Partial<SourcePost> = {}): SourcePost {
  return {
    sourceId,
    title: `Post ${sourceId}`,
    bodyHtml: `<p>The body of post ${sourceId}.</p>`,
    status: 'published',
    publishedAt: new Date('2020-05-01T10:00:00Z'),
    createdAt: new Date('2020-05-01T09:00:00Z'),
    updatedAt: new Date('2020-05-01T11:00:00Z'),
    tags: [],
    author: author('someone', 'Some One'),
    oldUrl: `https://old.example/2020/05/post-${sourceId}.html`,
    oldSlug: null,
    comments: [],
    ...overrides,
  };
}

export function sourceComment(sourceId: string, overrides: Partial<SourceComment> = {}): SourceComment {
  return {
    sourceId,
    parentSourceId: null,
    authorName: `Reader ${sourceId}`,
    authorEmail: null,
    bodyHtml: `<p>Comment ${sourceId}</p>`,
    createdAt: new Date('2020-05-02T10:00:00Z'),
    status: 'approved',
    ...overrides,
  };
}

export const postItem = (post: SourcePost): SourceItem => ({ kind: 'post', post, line: nextLine() });

export const commentItem = (postSourceId: string, comment: SourceComment): SourceItem => ({
  kind: 'comment',
  postSourceId,
  comment,
  line: nextLine(),
});

/** The items as a parser streams them. */
async function* streamed(items: SourceItem[]): AsyncGenerator<SourceItem> {
  for (const item of items) yield item;
}

/** The settings an import runs with: the test server's (its media settings among `overrides`). */
export function importConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
}

/** Runs the importer as the CLI does, into the test server's database. */
export function runImportOf(
  api: TestServer,
  items: SourceItem[],
  options: { format?: SourceFormat; dryRun?: boolean; importImages?: boolean; config?: Config } = {},
): Promise<ImportReport> {
  return importer({ db: api.db, config: options.config ?? importConfig() }).run({
    items: streamed(items),
    format: options.format ?? 'wordpress',
    dryRun: options.dryRun,
    importImages: options.importImages,
  });
}

/** How many rows each table an import writes holds: "changes nothing" means these stay. */
export async function rowCounts(api: TestServer): Promise<Record<string, number>> {
  const tables = ['posts', 'post_revisions', 'comments', 'authors', 'redirects', 'events', 'import_sources', 'media'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = (await api.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
    counts[table] = n;
  }
  return counts;
}
