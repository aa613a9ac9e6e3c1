// `npm run build` compiles src/ to dist/ and stamps it; `npm start` runs this with --if-stale,
// so that a start on a current build does not spend seconds in the compiler. The stamp is newer
// than every source file when nothing changed since the last build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time among the build's inputs. */
function newestInput(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestInput(path.join(entry, name))));
}

function isCurrent() {
  if (!fs.existsSync(stamp)) return false;
  return fs.statSync(stamp).mtimeMs >= Math.max(...inputs.map((input) => newestInput(path.join(root, input))));
}

if (!(process.argv.includes('--if-stale') && isCurrent())) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
