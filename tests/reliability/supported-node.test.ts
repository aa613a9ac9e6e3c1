import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface LockedPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  engines?: { node?: string } | string[];
}

const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lockfile = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockedPackage> };
/** The oldest Node the range admits, and the current line: the two CI runs the suite on besides the machine's. */
const floor = semver.minVersion(engines)!.version;
const current = '24.0.0';

/**
 * The Node versions we promise (package.json's engines) are the ones our dependencies accept and
 * the ones CI runs: an install on the oldest of them prints no EBADENGINE, and neither the
 * README nor .ci/run promises another.
 */
describe('the supported Node', () => {
  it('is 22 from its floor on, and 24; not 20, not the odd 23', () => {
    expect(semver.satisfies(floor, engines)).toBe(true);
    expect(semver.major(floor)).toBe(22);
    expect(semver.satisfies(current, engines)).toBe(true);
    expect(semver.satisfies('20.19.0', engines)).toBe(false);
    expect(semver.satisfies('23.11.0', engines)).toBe(false);
  });

  it.each([floor, current])('every locked package (production and dev) accepts Node %s', (node) => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([, locked]) => !locked.os || locked.os.includes('linux'))
      .map(([name, locked]) => ({ name: name || 'broadsheet', range: enginesNode(locked) }))
      .filter(({ range }) => range !== undefined && !semver.satisfies(node, range))
      .map(({ name, range }) => `${name} wants node ${range}`);
    expect(refusing).toEqual([]);
  });

  it('.ci/run runs the floor and 24, and the README names the same', () => {
    const ci = read('.ci/run');
    expect(ci).toContain(`NODE_FLOOR=${floor}`);
    expect(ci).toContain(`NODE_CURRENT=${semver.major(current)}`);
    const quickStart = read('README.md').split('## Quick start')[1].split('\n## ')[0];
    const [major, minor] = floor.split('.');
    expect(quickStart).toContain(`Node.js ${major} (${major}.${minor} or newer) or ${semver.major(current)}`);
  });
});

/** A package's `engines.node`; very old packages wrote engines as an array of strings. */
function enginesNode(locked: LockedPackage): string | undefined {
  if (!locked.engines || Array.isArray(locked.engines)) return undefined;
  return locked.engines.node;
}
