import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { importer, progressDisplay, reportText } from '../import';
import { PARSERS, chooseFormat, exportBlog } from '../import/formats';
import { createLogger } from '../logger';

const USAGE = 'usage: npm run import -- [--dry-run] [--format blogger|wordpress] [--import-images] FILE';

/** Bytes read to recognise a format: its XML declaration and root element come first. */
const HEAD_BYTES = 64 * 1024;

/** A wrong command line: said with the usage, exit code 2. */
class UsageError extends Error {}

interface ImportArgs {
  file: string;
  dryRun: boolean;
  importImages: boolean;
  format: 'blogger' | 'wordpress' | null;
}

function parseArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { file: '', dryRun: false, importImages: false, format: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--import-images') args.importImages = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[(i += 1)] : arg.slice('--format='.length);
      if (value !== 'blogger' && value !== 'wordpress') {
        throw new UsageError(`--format is blogger or wordpress, not "${value ?? ''}"`);
      }
      args.format = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (args.file) throw new UsageError('one file at a time');
    else args.file = arg;
  }
  if (!args.file) throw new UsageError('name the export file');
  return args;
}

function headOf(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0)).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What went wrong, in a line an operator acts on (the database unreachable, the file unreadable,
 * another import running), not a stack trace: pg's connection failure is an AggregateError whose
 * own message is empty, its reasons in `errors`.
 */
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error instanceof AggregateError ? error.errors.map((e: unknown) => failureText(e)) : [];
  return [error.message, ...inner].filter(Boolean).join('; ') || error.name;
}

/**
 * `npm run import`: a Blogger or WordPress export into the database of DATABASE_URL (or the
 * embedded one), streamed through its format's parser into the importer. The report goes to
 * stdout; progress and logs (warnings and worse only) to stderr. Exit 0 when the import ran
 * (whatever it left out, as reported), 1 when it could not, 2 for a wrong command line.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // `npm run` runs this in the project's folder; a relative FILE is where the user typed it (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no file ${args.file}`);
  const head = headOf(file);
  const { format, refused } = chooseFormat(head, args.format);
  if (refused !== undefined) throw new UsageError(`${args.file} ${refused}`);
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn', process.stderr));
  try {
    let bytesRead = 0;
    const counted = fs.createReadStream(file).pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytesRead += chunk.length;
          done(null, chunk);
        },
      }),
    );
    const display = progressDisplay(process.stderr, fs.statSync(file).size);
    const report = await importer({ db: database.db, config })
      .run({
        items: PARSERS[format](counted),
        format,
        blog: exportBlog(head, format),
        dryRun: args.dryRun,
        importImages: args.importImages,
        progress: (sofar) => display.update(sofar, bytesRead),
      })
      .finally(() => display.stop());
    process.stdout.write(reportText(report, args.file));
    const understood = [report.posts, report.comments].reduce(
      (sum, n) => sum + n.created + n.updated + n.unchanged + n.skipped,
      report.skipped.length,
    );
    if (understood === 0 && report.malformed.length > 0) {
      // Not one entry read (a plain RSS feed named `wordpress`, say): no import ran, nothing was written.
      throw new Error(
        `nothing in ${args.file} could be read as ${format === 'wordpress' ? 'a WordPress' : 'a Blogger'} export (the report above says why)`,
      );
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`[broadsheet] ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    // A fault of ours (a TypeError, say) keeps its stack: that is what its bug report needs.
    const ours = error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError;
    console.error(`[broadsheet] the import failed: ${ours ? error.stack : failureText(error)}`);
    process.exit(1);
  },
);
