import { BackgroundJob } from './background-job';

export interface JobLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
}

export interface JobScheduler {
  /** Resolves once no round runs any more; no round starts after it is called. */
  stop(): Promise<void>;
}

function startJob(job: BackgroundJob, log: JobLog): JobScheduler {
  let stopped = false;
  let round: Promise<void> | null = null;
  let again = false;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(wake, ms).unref();
  };
  const runRounds = async () => {
    do {
      again = false;
      try {
        if ((await job.run()) === true) again = true;
        if (failing) {
          failing = false;
          log.info(job.recovered, { job: job.name });
        }
      } catch (error) {
        if (!failing) {
          failing = true;
          log.warn(job.failing, { job: job.name, cause: error instanceof Error ? error.message : String(error) });
        }
        return;
      }
    } while (again && !stopped);
  };
  // One round at a time; a wake-up during a round runs another right after it.
  function wake(): void {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = runRounds().finally(() => {
      round = null;
      schedule(job.everyMs);
    });
  }

  const source = job.wakeOn?.(wake);
  schedule(job.firstAfterMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await source?.stop();
      await round;
    },
  };
}

/**
 * Runs every capability's background jobs: each on its own timer, one round at a time, a round
 * asked for during a round run right after it, failures logged once until a round works again.
 */
export function startJobs(jobs: BackgroundJob[], log: JobLog): JobScheduler {
  const runners = jobs.map((job) => startJob(job, log));
  return {
    stop: async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
    },
  };
}
