/**
 * Work a capability runs on a timer, on every instance (the go-live sweep, the outbox
 * dispatcher, event retention, the idempotency prune). Jobs that must not run on two instances
 * at once take their own database locks; the scheduler only keeps one round per job at a time
 * in this process.
 */
export interface BackgroundJob {
  name: string;
  /** Between the end of one round and the next. */
  everyMs: number;
  /** Before the first round; 0 runs it at once (a catch-up after downtime). */
  firstAfterMs: number;
  /** One round. `true`: more may be waiting, run another at once. */
  run(): Promise<boolean | void>;
  /** Something that asks for a round sooner (LISTEN/NOTIFY, say); answers how to stop it. */
  wakeOn?(wake: () => void): { stop(): Promise<void> };
  /** Logged once when rounds start failing (with the cause), until one succeeds again. */
  failing: string;
  /** Logged once when a round succeeds after failing. */
  recovered: string;
}
