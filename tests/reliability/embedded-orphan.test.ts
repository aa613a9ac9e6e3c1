import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PostsDocument } from '../generated/operations';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';

/**
 * kill -9 of the node process (the OOM killer) with the embedded PostgreSQL: PostgreSQL runs on,
 * orphaned, on DATA_DIR. The next `npm start` stops that server of ours and starts; a lock file
 * naming a live PID that is not a PostgreSQL of ours is stale, and that process is left alone; a
 * server another live Broadsheet uses is not touched.
 */
const linux = process.platform === 'linux';

const lockFileOf = (dataDir: string) => path.join(dataDir, 'pg', 'postmaster.pid');
const lockedPid = (dataDir: string) => Number(fs.readFileSync(lockFileOf(dataDir), 'utf8').split('\n')[0]);

/** Alive, not a zombie, and with `dataDir` on its command line (`postgres -D <dataDir>/pg ...`). */
function isPostgresOf(pid: number, dataDir: string): boolean {
  try {
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0];
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return state !== 'Z' && path.basename(args[0]) === 'postgres' && args.includes(path.join(dataDir, 'pg'));
  } catch {
    return false;
  }
}

const parentOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

async function expectReadyAndServing(server: Running): Promise<void> {
  expect((await fetch(server.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
  expect((await query(server.url, PostsDocument, { first: 1 })).posts.totalCount).toBeGreaterThanOrEqual(20);
}

async function stop(server: Running): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

(linux ? describe : describe.skip)('a start after kill -9 with the embedded PostgreSQL', () => {
  // One DATA_DIR for the three: a new one costs an initdb and the demo content (seconds), and
  // each test ends with its servers stopped and what it planted (orphan, stand-in) gone.
  const dataDir = serverDataDir('broadsheet-orphan-');

  // What a test leaves behind outside the helper's reach, ended whatever happened (serverDataDir
  // then stops the servers and removes the folders): orphaned postmasters (checked to still be
  // ours before any signal) and the stand-in processes.
  const orphans: Array<{ pid: number; dataDir: string }> = [];
  const standIns: ChildProcess[] = [];
  afterEach(async () => {
    for (const orphan of orphans.splice(0)) {
      if (!isPostgresOf(orphan.pid, orphan.dataDir)) continue;
      process.kill(orphan.pid, 'SIGINT');
      if (!(await until(() => !isPostgresOf(orphan.pid, orphan.dataDir), 15_000))) {
        process.kill(orphan.pid, 'SIGKILL');
      }
    }
    for (const child of standIns.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('stops the orphaned PostgreSQL of its DATA_DIR, says so, and starts', async () => {
    const first = await startServer(dataDir);
    await expectReadyAndServing(first);
    const postmaster = lockedPid(dataDir);
    expect(isPostgresOf(postmaster, dataDir)).toBe(true);
    orphans.push({ pid: postmaster, dataDir });

    first.child.kill('SIGKILL'); // the node process only, as the OOM killer does
    await first.exited;
    // PostgreSQL runs on, orphaned: another process has adopted it.
    expect(isPostgresOf(postmaster, dataDir)).toBe(true);
    expect(parentOf(postmaster)).not.toBe(first.child.pid);

    const second = await startServer(dataDir);
    await expectReadyAndServing(second);
    expect(isPostgresOf(postmaster, dataDir)).toBe(false);
    expect(lockedPid(dataDir)).not.toBe(postmaster);
    const said = second
      .output()
      .split('\n')
      .filter((line) => line.includes(`(PID ${postmaster})`));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/stopped the server \(PID \d+\) that an earlier run left on .* fast shutdown/);
    await stop(second);
  }, 90_000);

  it('a lock file naming a live process that is not a PostgreSQL of ours is stale: that process lives on', async () => {
    const first = await startServer(dataDir);
    await expectReadyAndServing(first);
    const lockFile = fs.readFileSync(lockFileOf(dataDir), 'utf8');
    await stop(first);

    // As a crash leaves it, the PID since given to another process (run as we are).
    const standIn = spawn('sleep', ['600'], { stdio: 'ignore' });
    standIns.push(standIn);
    const [, ...rest] = lockFile.split('\n');
    fs.writeFileSync(lockFileOf(dataDir), [String(standIn.pid), ...rest].join('\n'));

    const second = await startServer(dataDir);
    await expectReadyAndServing(second);
    expect(standIn.exitCode).toBeNull();
    expect(standIn.signalCode).toBeNull();
    expect(() => process.kill(standIn.pid!, 0)).not.toThrow();
    expect(second.output()).toMatch(
      new RegExp(`named PID ${standIn.pid}, which is not a PostgreSQL of this cluster .*left PID ${standIn.pid} alone`),
    );
    await stop(second);
  }, 90_000);

  it('a PostgreSQL another live Broadsheet uses is not touched: the second start is refused', async () => {
    const first = await startServer(dataDir);
    try {
      const postmaster = lockedPid(dataDir);
      await expect(startServer(dataDir)).rejects.toThrow(
        new RegExp(`server exited \\(1\\)[\\s\\S]*another server \\(PID ${postmaster}\\) is already running`),
      );
      expect(isPostgresOf(postmaster, dataDir)).toBe(true);
      await expectReadyAndServing(first);
    } finally {
      await stop(first);
    }
  }, 90_000);
});
