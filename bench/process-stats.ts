import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';

/**
 * CPU time and peak memory of processes, from /proc (Linux): what a process costs whichever
 * language or server it runs, measured the same way for Broadsheet, the hand-written endpoint
 * and PostgreSQL.
 */

let ticksPerSecond: number | undefined;

/** `getconf CLK_TCK`: the unit of the CPU times in /proc/<pid>/stat (100 on Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  ppid: number;
  /** utime + stime of the process (all its threads), in ticks. */
  own: number;
  /** cutime + cstime: of its children that have ended and been waited for, in ticks. */
  children: number;
}

async function readStat(pid: number): Promise<ProcStat | undefined> {
  let text: string;
  try {
    text = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14-17.
  const n = (field: number) => Number(fields[field - 3]);
  return { ppid: n(4), own: n(14) + n(15), children: n(16) + n(17) };
}

/** CPU milliseconds a process has used so far (user + system, all threads). */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return (stat.own * 1000) / clockTicks();
}

/**
 * CPU milliseconds of a PostgreSQL server so far: the postmaster, its live processes (backends,
 * background workers) and the processes that have ended (which the postmaster waited for).
 */
export async function postgresCpuMs(postmasterPid: number): Promise<number> {
  const postmaster = await readStat(postmasterPid);
  if (!postmaster) throw new Error(`postmaster ${postmasterPid} is gone`);
  let ticks = postmaster.own + postmaster.children;
  const pids = (await fs.readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = await Promise.all(pids.map((pid) => readStat(pid)));
  for (const stat of stats) if (stat && stat.ppid === postmasterPid) ticks += stat.own;
  return (ticks * 1000) / clockTicks();
}

/** VmHWM: the most resident memory the process has held (since start, or since `resetPeakRss`), in MB. */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** Starts VmHWM again from the current RSS (`echo 5 > /proc/<pid>/clear_refs`); false when not allowed. */
export async function resetPeakRss(pid: number): Promise<boolean> {
  try {
    await fs.writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
