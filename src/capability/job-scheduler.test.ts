import { BackgroundJob } from './background-job';
import { startJobs } from './job-scheduler';

const HOUR = 60 * 60 * 1000;

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    warn: (message: string) => void lines.push(`warn ${message}`),
    info: (message: string) => void lines.push(`info ${message}`),
  };
}

/** A job woken only by the test, whose rounds do what `rounds` says, one entry per round. */
function scriptedJob(rounds: Array<'ok' | 'more' | 'fail'>) {
  let wake = () => {};
  let ran = 0;
  const job: BackgroundJob = {
    name: 'scripted',
    everyMs: HOUR,
    firstAfterMs: HOUR,
    failing: 'failing',
    recovered: 'recovered',
    run: async () => {
      const step = rounds[ran++];
      if (step === 'fail') throw new Error('boom');
      return step === 'more';
    },
    wakeOn: (w) => {
      wake = w;
      return { stop: async () => {} };
    },
  };
  return { job, wake: () => wake(), ran: () => ran };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the job scheduler', () => {
  it('runs a round again at once while the job says more is waiting', async () => {
    const scripted = scriptedJob(['more', 'more', 'ok', 'ok']);
    const jobs = startJobs([scripted.job], recordingLog());
    scripted.wake();
    await settle();
    expect(scripted.ran()).toBe(3);
    await jobs.stop();
  });

  it('logs a failing job once, and once more when it works again', async () => {
    const log = recordingLog();
    const scripted = scriptedJob(['fail', 'fail', 'ok', 'ok']);
    const jobs = startJobs([scripted.job], log);
    for (let i = 0; i < 4; i += 1) {
      scripted.wake();
      await settle();
    }
    expect(log.lines).toEqual(['warn failing', 'info recovered']);
    await jobs.stop();
  });

  it('runs no round after stop, and stop waits for the round in progress', async () => {
    let release = () => {};
    let finished = false;
    let ran = 0;
    const job: BackgroundJob = {
      name: 'slow',
      everyMs: 1,
      firstAfterMs: 0,
      failing: 'failing',
      recovered: 'recovered',
      run: async () => {
        ran += 1;
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      },
    };
    const jobs = startJobs([job], recordingLog());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = jobs.stop();
    release();
    await stopping;
    expect(finished).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(1);
  });
});
