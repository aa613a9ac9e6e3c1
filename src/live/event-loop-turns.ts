/**
 * Turns handed out one per turn of Node's event loop. Every subscriber of an event wakes at the
 * same moment; run one after another, their answers would hold the loop (and every request
 * waiting on it) until the last was done: 100 subscribers of a heavy selection held it for 3.5 s.
 * Each takes a turn instead: `setImmediate` callbacks queued while the loop runs its immediates
 * wait for the next pass, so between two turns the loop reads sockets and runs timers.
 */
export class EventLoopTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /** Resolves when it is the caller's turn. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.next);
      }
    });
  }

  private readonly next = (): void => {
    const turn = this.waiting.shift();
    if (this.waiting.length > 0) setImmediate(this.next);
    else this.scheduled = false;
    turn?.();
  };
}
