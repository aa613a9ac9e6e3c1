import { spawn } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';

const projectRoot = path.resolve(__dirname, '..', '..');

/** What a run of the CLI left: its exit code, the report (stdout) and the rest (stderr). */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The URL of the database a test server's data source is on. */
export function databaseUrlOf(db: DataSource): string {
  const { url } = db.options as { url?: string };
  if (!url) throw new Error('the data source has no url');
  return url;
}

/**
 * `npm run import -- ARGS` as a user runs it, less the build (pretest made dist/): the compiled
 * CLI in a shell-like environment with only DATABASE_URL set, so it writes where the test reads.
 * Its folder is the project's root, so fixtures are named by their path from there; with
 * `npmIn`, npm itself runs it from that folder (the build skipped when current).
 */
export function runImportCli(args: string[], databaseUrl: string, how: { npmIn?: string } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl };
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  const child = how.npmIn
    ? // As typed in another folder: `npm --prefix <project> run --silent import -- ARGS`.
      spawn('npm', ['--prefix', projectRoot, 'run', '--silent', 'import', '--', ...args], {
        cwd: how.npmIn,
        env,
        stdio,
      })
    : spawn(process.execPath, [path.join(projectRoot, 'dist', 'cli', 'import.js'), ...args], {
        cwd: projectRoot,
        env,
        stdio,
      });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fixture's path as the CLI is given it (from the project's root). */
export const fixturePath = (name: string) => path.join('tests', 'import', 'fixtures', name);

/** One `skipped`/`malformed` line of a printed report: `what (line N, id): reason`. */
export interface ReportLine {
  section: string;
  what: string;
  line: number | null;
  id: string | null;
  reason: string;
}

/** The entries a printed report lists, by section (Skipped, Malformed, Notes). */
export function reportLines(report: string): ReportLine[] {
  const lines: ReportLine[] = [];
  let section = '';
  for (const text of report.split('\n')) {
    const heading = /^(\w+)[^:]*:$/.exec(text);
    if (heading) section = heading[1];
    const entry = /^ {2}(\S+)(?: \((?:line (\d+))?(?:, )?([^)]*)\))?: (.*)$/.exec(text);
    if (entry && section) {
      lines.push({
        section,
        what: entry[1],
        line: entry[2] ? Number(entry[2]) : null,
        id: entry[3] || null,
        reason: entry[4],
      });
    }
  }
  return lines;
}

/** The counts row of `kind` (posts, comments, authors, redirects): created, updated, unchanged, skipped. */
export function reportCounts(report: string, kind: string): number[] {
  const row = new RegExp(`^ {2}${kind} +(\\d+) +(\\d+) +(\\d+) +(\\d+)$`, 'm').exec(report);
  if (!row) throw new Error(`no ${kind} row in:\n${report}`);
  return row.slice(1).map(Number);
}
