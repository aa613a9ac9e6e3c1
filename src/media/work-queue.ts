/**
 * Runs at most `concurrency` jobs at once, the others in arrival order after them. Image work
 * (sharp) runs on libuv's thread pool, which file reads, DNS and password hashing share: a
 * small bound keeps threads free for them, so five 24-megapixel uploads at once do not stall
 * reads or sign-ins (MEDIA_CONCURRENCY).
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else {
        this.running -= 1;
        if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    }
  }

  /** Resolves once nothing runs or waits (a stop lets started uploads finish). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
