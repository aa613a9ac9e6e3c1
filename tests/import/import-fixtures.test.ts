import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../src/domain/enums';
import { toGlobalId } from '../../src/schema/global-id';
import { ImportedModerationDocument, ImportedThreadDocument, OldUrlDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { Fixture, fixtureEntries } from './fixture-entries';
import { CliRun, databaseUrlOf, fixturePath, reportCounts, reportLines, runImportCli } from './import-cli';
import { rowCounts } from './import-helpers';
import {
  Seen,
  dataOf,
  expectEveryOldUrlResolves,
  expectEveryOtherEntryNamed,
  expectPostsCameOver,
  whatStaffSee,
} from './imported-checks';

/**
 * `npm run import` end to end: the compiled CLI (as `npm run import` runs it after its build)
 * imports each fixture into a real database, and what came over is read back as an editor reads
 * it, through the GraphQL API of a server on that database. What to expect of each entry (its
 * old URL, status, tags) is read from the fixture itself (fixture-entries.ts). `npm test` builds
 * dist/ first (pretest); run alone after a change to src/, `npm run build` first.
 */
interface ImportedFixture extends Fixture {
  /** What --format names it (Blogger's two exports are both `blogger`). */
  formatOption: 'wordpress' | 'blogger';
}

const WXR: ImportedFixture = { name: 'wordpress-1.2.xml', format: 'wordpress', formatOption: 'wordpress' };
const GOOD: ImportedFixture[] = [
  WXR,
  { name: 'blogger-backup.xml', format: 'blogger', formatOption: 'blogger' },
  { name: 'blogger-takeout-feed.atom', format: 'blogger-takeout', formatOption: 'blogger' },
  { name: 'wordpress-1.1.xml', format: 'wordpress', formatOption: 'wordpress' },
];
/** Imported a second time, with --format: one of each format (the suite spawns the CLI sparingly). */
const AGAIN = GOOD.slice(0, 3);
/** With how many broken entries and comments each (tests/import/fixtures/README.md). */
const MALFORMED: Array<ImportedFixture & { broken: number }> = [
  { name: 'blogger-backup-malformed.xml', format: 'blogger', formatOption: 'blogger', broken: 6 },
  { name: 'blogger-takeout-malformed.atom', format: 'blogger-takeout', formatOption: 'blogger', broken: 6 },
  { name: 'wordpress-malformed.xml', format: 'wordpress', formatOption: 'wordpress', broken: 8 },
];

let api: TestServer;
let editor: SignedIn;
let admin: SignedIn;
let databaseUrl: string;
let anaHereId: string;
/** The first run of each fixture's import. */
const runs = new Map<string, CliRun>();

const cli = (args: string[]) => runImportCli(args, databaseUrl);
/** stderr less the progress lines a run longer than 5 s writes (not a terminal: no bar). */
const withoutProgress = (stderr: string) => stderr.replace(/^import: \d+% of the file read;.*\n/gm, '');

beforeAll(async () => {
  ({ api, editor, admin } = await startNewsroom({ editor: Role.EDITOR, admin: Role.ADMIN }));
  databaseUrl = databaseUrlOf(api.db);
  // The WordPress blog's first author already writes here, her address in other capitals.
  anaHereId = (
    await api.server.services.authors.create({
      name: 'Ana (já cá estava)',
      email: 'ANA@Cronicas.example.pt',
      password: 'correct horse battery',
      role: Role.AUTHOR,
    })
  ).id;
});
afterAll(() => api.close());

describe('npm run import of each export: Blogger backup, Blogger Takeout, WordPress WXR 1.2 and 1.1', () => {
  let dryRun: CliRun;
  let rowsBefore: Record<string, number>;
  let rowsAfterDryRun: Record<string, number>;
  let seen: Seen;

  beforeAll(async () => {
    rowsBefore = await rowCounts(api);
    dryRun = await cli(['--dry-run', fixturePath(WXR.name)]);
    rowsAfterDryRun = await rowCounts(api);
    for (const fixture of GOOD) runs.set(fixture.name, await cli([fixturePath(fixture.name)]));
    seen = await whatStaffSee(api, admin.token);
  }, 120_000);

  it('exits 0, the report on stdout, nothing but progress lines on stderr', () => {
    for (const fixture of GOOD) {
      const run = runs.get(fixture.name)!;
      expect({ fixture: fixture.name, code: run.code, stderr: withoutProgress(run.stderr) }).toEqual({
        fixture: fixture.name,
        code: 0,
        stderr: '',
      });
      expect(run.stdout).toMatch(new RegExp(`^Import of ${fixturePath(fixture.name)} \\(${fixture.format}\\)\n`));
    }
  });

  it('--dry-run prints the report the real run then prints, and writes nothing', () => {
    expect(dryRun.code).toBe(0);
    expect(rowsAfterDryRun).toEqual(rowsBefore);
    const real = runs.get(WXR.name)!.stdout;
    const [dryHeading, ...dryRest] = dryRun.stdout.split('\n');
    const [realHeading, ...realRest] = real.split('\n');
    expect(dryHeading).toBe(`${realHeading}: DRY RUN, nothing was written`);
    expect(dryRest).toEqual(realRest);
    expect(reportCounts(real, 'posts')[0]).toBeGreaterThan(0);
  });

  it('brings every post with its title (non-ASCII intact), sanitized body, status and tags, and nothing more', () => {
    let expected = 0;
    for (const fixture of GOOD) {
      const report = reportLines(runs.get(fixture.name)!.stdout);
      const brought = expectPostsCameOver(fixture, seen, report);
      // Every post but those in the trash, and the report says so.
      expect(brought).toBe(fixtureEntries(fixture).filter((e) => e.type === 'post' && e.state !== 'trash').length);
      expect(reportCounts(runs.get(fixture.name)!.stdout, 'posts')[0]).toBe(brought);
      expected += brought;
    }
    expect(seen.posts).toHaveLength(expected);
    expect(seen.posts.map((post) => post.title)).toEqual(
      expect.arrayContaining(['Crónica de Lisboa: o elétrico 28 🚋', 'Ταξίδι στη Θεσσαλονίκη 🇬🇷', 'Natal em Évora 🎄']),
    );
    expect(new Set(seen.posts.map((post) => post.status))).toEqual(new Set(['PUBLISHED', 'SCHEDULED', 'DRAFT']));
  });

  it('reports every entry it did not bring (pages, attachments, menus, trash, templates), so nothing goes silently', () => {
    for (const fixture of GOOD) {
      const report = reportLines(runs.get(fixture.name)!.stdout);
      expectEveryOtherEntryNamed(fixture, report);
      expect(report.filter((line) => line.section === 'Malformed')).toEqual([]);
    }
  });

  it('matches authors by a real email, and creates the others with no real address', () => {
    const authorOf = (title: string) => seen.posts.find((post) => post.title === title)!.author;
    const anaHere = authorOf('Crónica de Lisboa: o elétrico 28 🚋');
    expect(anaHere).toMatchObject({ id: toGlobalId('Author', anaHereId), email: 'ANA@Cronicas.example.pt' });
    expect(authorOf('Η Αθήνα το βράδυ')).toMatchObject({
      name: 'Νίκος Γεωργίου',
      email: 'nikos@cronicas.example.pt',
      role: 'AUTHOR',
    });
    // Blogger writes noreply@blogger.com for everyone: its Ana is this blog's own, not the one here.
    const bloggerAna = authorOf('Lisboa à noite: fado, ginjinha e ☕');
    expect(bloggerAna).toMatchObject({ name: 'Ana Sousa', role: 'AUTHOR', email: 'ana-sousa@import.invalid' });
    expect(authorOf('Καλημέρα, Θεσσαλονίκη! ☀️')).toMatchObject({ name: 'Ελένη Παπαδοπούλου', role: 'AUTHOR' });
    expect(authorOf('Queima das Fitas – o cortejo')).toMatchObject({ email: 'ines@diario.example.pt' });
  });

  it('threads comments two deep as plain text, each in its moderation state as an editor sees it', async () => {
    const thread = async (title: string) => {
      const post = seen.posts.find((candidate) => candidate.title === title)!;
      const nodes = dataOf(await api.gql(ImportedThreadDocument, { id: post.id }, { token: editor.token })).post!
        .comments.nodes;
      const shape = (c: { authorName: string; body: string; replies?: unknown[] }): unknown => [
        c.authorName,
        c.body,
        ...(c.replies?.length ? [(c.replies as (typeof nodes)[number][]).map(shape)] : []),
      ];
      return nodes.map(shape);
    };
    expect(await thread('Crónica de Lisboa: o elétrico 28 🚋')).toEqual([
      [
        'Maria Fernandes',
        'Apanhei o 28 em março — que viagem! 😄',
        [
          [
            'Ana Sousa',
            'Obrigada, Maria! Em março ainda se arranja lugar sentado.',
            [['Maria Fernandes', 'Fica a dica 👍']],
          ],
        ],
      ],
    ]);
    expect(await thread('Lisboa à noite: fado, ginjinha e ☕')).toEqual([
      [
        'João Pereira',
        'Que saudades de Lisboa! 😍 Visitem o meu blog',
        [
          [
            'Ana Sousa',
            'Obrigada, João! Volta sempre.',
            [['João Pereira', 'Até breve! Para a próxima levo a guitarra 🎸']],
          ],
        ],
      ],
    ]);
    expect(await thread('Καλημέρα, Θεσσαλονίκη! ☀️')).toEqual([
      [
        'Giorgos',
        'Τέλεια φωτογραφία! 📷',
        [['Ελένη Παπαδοπούλου', 'Ευχαριστώ, Γιώργο!', [['Anonymous', 'Κι εγώ συμφωνώ']]]],
      ],
    ]);
    expect(await thread('Queima das Fitas – o cortejo')).toEqual([
      ['Tiago', 'Que saudades do cortejo!', [['Inês Marques', 'Para o ano há mais, Tiago.']]],
    ]);
    const queue = async (status: 'PENDING' | 'SPAM' | 'REJECTED') =>
      dataOf(await api.gql(ImportedModerationDocument, { status }, { token: editor.token })).moderationQueue.nodes.map(
        (comment) => [comment.post.title, comment.authorName, comment.body],
      );
    expect(await queue('PENDING')).toEqual([
      ['Ação de graças em Ouro Preto 🇧🇷', 'Mariana', 'Que lindo! Fui em 2019 também.'],
      ['Crónica de Lisboa: o elétrico 28 🚋', 'Pedro', 'Qual é o melhor horário para evitar as filas?'],
    ]);
    expect(await queue('SPAM')).toEqual([
      ['Ação de graças em Ouro Preto 🇧🇷', 'Cheap Watches', 'Great post! Buy watches'],
      ['Crónica de Lisboa: o elétrico 28 🚋', 'Best Casino Bonus', 'Great article!!! casino'],
    ]);
    expect(await queue('REJECTED')).toEqual([
      ['Crónica de Lisboa: o elétrico 28 🚋', 'Troll', 'Isto é tudo mentira.'],
      ['Ταξίδι στη Θεσσαλονίκη 🇬🇷', 'Anônimo', 'Este comentário foi removido pelo autor.'],
    ]);
  });

  it('answers resolveUrl of every old URL in the exports: each post readers saw by a permanent redirect', async () => {
    for (const fixture of GOOD) {
      const report = reportLines(runs.get(fixture.name)!.stdout);
      const redirects = await expectEveryOldUrlResolves(api, editor.token, fixture, report);
      expect(redirects).toBeGreaterThan(0);
    }
  });
});

describe('importing the same files again, --format given', () => {
  let before: Seen;
  let again: CliRun[];
  let rows: Record<string, number>;
  const oldUrls = () => GOOD.flatMap((fixture) => fixtureEntries(fixture).flatMap((entry) => entry.url ?? []));

  beforeAll(async () => {
    before = await whatStaffSee(api, admin.token, oldUrls());
    rows = await rowCounts(api);
    again = [];
    for (const fixture of AGAIN) again.push(await cli(['--format', fixture.formatOption, fixturePath(fixture.name)]));
  }, 120_000);

  it('reads the same format as detected, creates and updates nothing, and every answer of the API stays the same', async () => {
    AGAIN.forEach((fixture, i) => {
      const run = again[i];
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`Import of ${fixturePath(fixture.name)} (${fixture.format})`);
      for (const kind of ['posts', 'comments', 'authors', 'redirects']) {
        const [created, updated] = reportCounts(run.stdout, kind);
        expect({ fixture: fixture.name, kind, created, updated }).toEqual({
          fixture: fixture.name,
          kind,
          created: 0,
          updated: 0,
        });
      }
      expect(reportCounts(run.stdout, 'posts')[2]).toBe(reportCounts(runs.get(fixture.name)!.stdout, 'posts')[0]);
    });
    expect(await rowCounts(api)).toEqual(rows);
    expect(await whatStaffSee(api, admin.token, oldUrls())).toEqual(before);
  });
});

describe('a malformed export', () => {
  const malformed = new Map<string, CliRun>();
  let seen: Seen;

  beforeAll(async () => {
    for (const fixture of MALFORMED) malformed.set(fixture.name, await cli([fixturePath(fixture.name)]));
    seen = await whatStaffSee(api, admin.token);
  }, 120_000);

  it('exits 0 and names each bad entry with its line (and its id where it has one)', () => {
    for (const fixture of MALFORMED) {
      const run = malformed.get(fixture.name)!;
      expect({ fixture: fixture.name, code: run.code, stderr: withoutProgress(run.stderr) }).toEqual({
        fixture: fixture.name,
        code: 0,
        stderr: '',
      });
      const report = reportLines(run.stdout);
      const bad = report.filter((line) => line.section === 'Malformed');
      expect({ fixture: fixture.name, broken: bad.length }).toEqual({ fixture: fixture.name, broken: fixture.broken });
      const entries = fixtureEntries(fixture);
      for (const line of bad) {
        // Inside the entry it names, and where it starts there, with that entry's id when it has
        // one (a WordPress comment's line is inside its post's <item>, with the comment's id).
        const entry = entries.find((candidate) => candidate.from <= line.line! && line.line! < candidate.to);
        expect({ line: line.line, inAnEntry: entry !== undefined }).toEqual({ line: line.line, inAnEntry: true });
        if (line.line === entry!.from) expect(line.id).toBe(entry!.id);
      }
      expect(bad[bad.length - 1].reason).toMatch(/^the XML breaks off here: /);
      expectEveryOtherEntryNamed(fixture, report);
    }
  });

  it('imports the good entries around the bad ones, and their old URLs lead to them', async () => {
    for (const fixture of MALFORMED) {
      const report = reportLines(malformed.get(fixture.name)!.stdout);
      expect(expectPostsCameOver(fixture, seen, report)).toBeGreaterThan(0);
      expect(await expectEveryOldUrlResolves(api, editor.token, fixture, report)).toBeGreaterThan(0);
    }
  });
});

describe('a second WordPress site, its ids the same as the first one’s', () => {
  it('is another blog: its posts are created, the first site’s stay as they are', async () => {
    // WordPress numbers every site's posts, comments and authors from 1: diario.example.pt's
    // post 57 and this site's post 57 are two posts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-'));
    const file = path.join(dir, 'outro.xml');
    const first = fs.readFileSync(path.join(__dirname, 'fixtures', 'wordpress-1.1.xml'), 'utf8');
    fs.writeFileSync(
      file,
      first
        .replaceAll('diario.example.pt', 'outro.example.pt')
        .replaceAll('Queima das Fitas', 'Festa das Latas')
        .replaceAll('queima-das-fitas', 'festa-das-latas'),
    );
    try {
      const run = await cli([file]);
      expect(run.code).toBe(0);
      expect(reportCounts(run.stdout, 'posts')[0]).toBe(1);
      expect(reportCounts(run.stdout, 'comments')[0]).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const titleAt = async (oldPath: string) =>
      dataOf(await api.gql(OldUrlDocument, { path: oldPath }, { token: editor.token })).resolveUrl.redirect?.post
        ?.title;
    expect(await titleAt('/2011/05/queima-das-fitas-o-cortejo/')).toBe('Queima das Fitas – o cortejo');
    expect(await titleAt('/2011/05/festa-das-latas-o-cortejo/')).toBe('Festa das Latas – o cortejo');
  });
});
