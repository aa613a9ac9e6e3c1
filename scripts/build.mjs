// `npm run build` compiles src/ to dist/ and stamps it; `npm start` runs this with --if-stale,
// so that a start on a current build does not spend seconds in the compiler. The stamp is newer
// than every source file when nothing changed since the last build. A production install
// (`npm ci --omit=dev`) has no TypeScript: there --if-stale starts the build it finds in dist/
// (made in CI or in the image's build stage), and says so when the sources look newer.
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
  if (!fs.existsSync(entry)) return 0; // a runtime image has dist/ without src/
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestInput(path.join(entry, name))));
}

function isCurrent() {
  if (!fs.existsSync(stamp)) return false;
  return fs.statSync(stamp).mtimeMs >= Math.max(...inputs.map((input) => newestInput(path.join(root, input))));
}

/** The TypeScript compiler's entry, or undefined when TypeScript (a dev dependency) is not installed. */
function findTsc() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

const ifStale = process.argv.includes('--if-stale');
if (!(ifStale && isCurrent())) {
  const tsc = findTsc();
  if (tsc) {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  } else if (ifStale && fs.existsSync(path.join(root, 'dist', 'main.js'))) {
    // stderr: stdout is the server's JSON log stream.
    console.error(
      '[broadsheet] TypeScript is not installed (a production install): starting the build in dist/ as it is',
    );
  } else {
    console.error(
      '[broadsheet] no build in dist/ and no TypeScript to make one: run `npm ci && npm run build` (with the dev dependencies), or use the image',
    );
    process.exit(1);
  }
}
