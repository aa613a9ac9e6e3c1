import { Queryable } from '../db/queryable';
import { nextScheduledGoLive } from '../readers/schedule.reader';

/**
 * When the next scheduled post goes live. A scheduled post is live the moment its time passes,
 * with nothing written then, so an answer kept past that moment could miss it: the response
 * cache keeps nothing beyond it. Read again after every change (a change may schedule a post)
 * and once the moment has passed.
 */
export class ScheduleHorizon {
  private next: Promise<number> | undefined;

  constructor(private readonly db: Queryable) {}

  /** Milliseconds since the epoch of the next go-live, or Infinity when nothing is scheduled. */
  async nextGoLive(): Promise<number> {
    if (this.next) {
      const at = await this.next;
      if (at > Date.now()) return at;
    }
    this.next = this.read();
    return this.next;
  }

  /** Forgets the moment known: something changed. */
  changed(): void {
    this.next = undefined;
  }

  private async read(): Promise<number> {
    try {
      return await nextScheduledGoLive(this.db);
    } catch {
      this.next = undefined;
      return Date.now(); // unknown: keep nothing
    }
  }
}
