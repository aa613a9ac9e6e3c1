import { TooManySubscriptionsError } from '../errors/api-errors';

/**
 * One cap on what a client address holds open, over both live transports: its subscriptions on
 * WebSockets and its event streams count together, so using both does not double the allowance.
 */
export class LiveCapacity {
  private readonly counters: Array<(clientIp: string) => number> = [];

  constructor(readonly perClientIp: number) {}

  /** A transport tells how many subscriptions an address holds open on it. */
  count(counter: (clientIp: string) => number): void {
    this.counters.push(counter);
  }

  openBy(clientIp: string): number {
    return this.counters.reduce((sum, counter) => sum + counter(clientIp), 0);
  }

  /** Refuses (RATE_LIMITED) when the address holds more than its cap, the new subscription counted. */
  assertWithinCap(clientIp: string): void {
    if (this.openBy(clientIp) > this.perClientIp)
      throw new TooManySubscriptionsError(this.perClientIp, 'client address');
  }
}

/** A count per client address that goes to zero cleanly (no entries left behind). */
export class CountPerClient {
  private readonly counts = new Map<string, number>();

  add(clientIp: string): void {
    this.counts.set(clientIp, (this.counts.get(clientIp) ?? 0) + 1);
  }

  remove(clientIp: string): void {
    const left = (this.counts.get(clientIp) ?? 1) - 1;
    if (left > 0) this.counts.set(clientIp, left);
    else this.counts.delete(clientIp);
  }

  of(clientIp: string): number {
    return this.counts.get(clientIp) ?? 0;
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
}
