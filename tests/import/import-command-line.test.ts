import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, TestServer } from '../helpers/test-server';
import { databaseUrlOf, fixturePath, reportLines, runImportCli } from './import-cli';
import { rowCounts } from './import-helpers';

/**
 * `npm run import` given a wrong command line or a file it cannot import: a clear line on
 * stderr and a non-zero exit, no stack trace, nothing written (the compiled CLI, as in
 * import-fixtures.test.ts); and a relative FILE read where npm was run.
 */
let api: TestServer;
let databaseUrl: string;

beforeAll(async () => {
  api = await startTestServer();
  databaseUrl = databaseUrlOf(api.db);
});
afterAll(() => api.close());

const cli = (args: string[]) => runImportCli(args, databaseUrl);
const WXR = fixturePath('wordpress-1.2.xml');

describe('a wrong command line or file', () => {
  it('exits 2 with what is wrong and the usage, no stack trace, and writes nothing', async () => {
    const rows = await rowCounts(api);
    const wrong = await Promise.all([
      cli([]),
      cli(['--bogus', WXR]),
      cli(['--format', 'medium', WXR]),
      cli(['--format']),
      cli([WXR, fixturePath('blogger-backup.xml')]),
    ]);
    expect(wrong.map((run) => [run.code, run.stdout, run.stderr.split('\n')[0]])).toEqual([
      [2, '', '[broadsheet] name the export file'],
      [2, '', '[broadsheet] unknown option --bogus'],
      [2, '', '[broadsheet] --format is blogger or wordpress, not "medium"'],
      [2, '', '[broadsheet] --format is blogger or wordpress, not ""'],
      [2, '', '[broadsheet] one file at a time'],
    ]);
    for (const run of wrong) {
      expect(run.stderr).toContain('usage: npm run import -- [--dry-run] [--format blogger|wordpress]');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await rowCounts(api)).toEqual(rows);
  });

  it('reads a relative FILE from the folder npm was run in, not the project’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-'));
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'wordpress-1.1.xml'), path.join(dir, 'export.xml'));
    try {
      const run = await runImportCli(['--dry-run', 'export.xml'], databaseUrl, { npmIn: dir });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe('Import of export.xml (wordpress): DRY RUN, nothing was written');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not there, not an export, or not the format --format names, writing nothing', async () => {
    const rows = await rowCounts(api);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-'));
    // A plain RSS feed, named a WordPress export: not one of its items is an export's.
    const feed = path.join(dir, 'feed.xml');
    fs.writeFileSync(
      feed,
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title>\n<item><title>One</title><link>https://news.example/1</link></item>\n</channel></rss>\n',
    );
    const refused = await Promise.all([
      cli([fixturePath('no-such-export.xml')]),
      cli([fixturePath('README.md')]),
      cli(['--format', 'wordpress', fixturePath('blogger-backup.xml')]),
      cli(['--format', 'blogger', fixturePath('README.md')]),
      cli(['--format', 'wordpress', feed]),
    ]).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect(refused.map((run) => [run.code, run.stderr.split('\n')[0]])).toEqual([
      [2, `[broadsheet] no file ${fixturePath('no-such-export.xml')}`],
      [2, expect.stringContaining(`${fixturePath('README.md')} is no Blogger or WordPress export`)],
      [2, expect.stringContaining('blogger-backup.xml is a Blogger export, not wordpress')],
      [2, expect.stringContaining('README.md is not a Blogger export: it is not XML, not <feed>')],
      [
        1,
        `[broadsheet] the import failed: nothing in ${feed} could be read as a WordPress export (the report above says why)`,
      ],
    ]);
    for (const run of refused) expect(run.stderr).not.toMatch(/\n\s+at /);
    // Each refused before reading an entry, but the last: its report says why.
    expect(refused.slice(0, 4).map((run) => run.stdout)).toEqual(['', '', '', '']);
    expect(reportLines(refused[4].stdout)).toEqual([
      expect.objectContaining({ section: 'Malformed', line: 3, reason: 'the item has no wp:post_id or wp:post_type' }),
    ]);
    expect(await rowCounts(api)).toEqual(rows);
  });
});
