/** A GraphQL answer kept for anonymous readers, with what it needs to be sent again. */
export interface StoredAnswer {
  /** The JSON body as sent, UTF-8: a hit writes these bytes as they are. */
  body: Buffer;
  /** Its cache keys, for its tags and for dropping it when they change. */
  keys: string[];
  operationName?: string;
}

/** Where the response cache keeps answers: this process's memory, or Redis shared by every instance. */
export interface AnswerStore {
  /** Shared by every instance (Redis): a change is dropped from it by the outbox's consumer, once. */
  readonly shared: boolean;
  get(key: string): Promise<StoredAnswer | undefined>;
  /** Keeps `answer` for `ttlSeconds`, unless something changed since `generation` was read. */
  set(key: string, answer: StoredAnswer, ttlSeconds: number, generation: number): Promise<void>;
  /** A number that moves whenever anything is dropped; read it before computing an answer. */
  generation(): Promise<number>;
  /** Drops every answer tagged with one of `keys`, and moves the generation; rejects when it could not. */
  drop(keys: string[]): Promise<void>;
  /** What this process holds for it (nothing, for a store in Redis), for /metrics. */
  size(): { bytes: number; entries: number };
}

/** The bounds of the store in memory. */
export interface MemoryStoreLimits {
  /** Answers kept at most. */
  maxEntries: number;
  /** Bytes kept at most: bodies, keys and tags, and a fixed allowance per answer for the maps. */
  maxBytes: number;
}

interface MemoryEntry {
  answer: StoredAnswer;
  expiresAt: number;
  bytes: number;
}

/** What an answer's place in the maps costs beyond its body, keys and tags (objects, Map and Set slots). */
const ENTRY_OVERHEAD_BYTES = 256;
/** Expired answers nobody asked for again are looked for at most this often, when an answer is kept. */
const SWEEP_INTERVAL_MS = 1000;

/**
 * Answers kept in memory, bounded by count and by bytes: past either bound the least recently
 * used go first, expired ones are removed as they are met and swept now and then, and an answer
 * larger than the whole store is not kept.
 */
export class MemoryAnswerStore implements AnswerStore {
  readonly shared = false;
  /** In order of use, least recent first: a hit moves its answer to the end. */
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly tagged = new Map<string, Set<string>>();
  private changes = 0;
  private bytes = 0;
  private nextSweep = 0;

  constructor(private readonly limits: MemoryStoreLimits) {}

  async get(key: string): Promise<StoredAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  async set(key: string, answer: StoredAnswer, ttlSeconds: number, generation: number): Promise<void> {
    if (generation !== this.changes) return; // computed from data that has changed since
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    this.remove(key);
    const bytes = sizeOf(key, answer);
    if (bytes > this.limits.maxBytes || this.limits.maxEntries === 0) return;
    this.entries.set(key, { answer, expiresAt: now + ttlSeconds * 1000, bytes });
    this.bytes += bytes;
    for (const tag of answer.keys) {
      let keys = this.tagged.get(tag);
      if (!keys) this.tagged.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.limits.maxBytes || this.entries.size > this.limits.maxEntries)
      this.remove(this.entries.keys().next().value!);
  }

  async generation(): Promise<number> {
    return this.changes;
  }

  async drop(keys: string[]): Promise<void> {
    this.changes += 1;
    for (const tag of keys) for (const key of this.tagged.get(tag) ?? []) this.remove(key);
  }

  size(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.entries.size };
  }

  private sweep(now: number): void {
    this.nextSweep = now + SWEEP_INTERVAL_MS;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const tag of entry.answer.keys) {
      const keys = this.tagged.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(tag);
    }
  }
}

/** Bytes an answer holds in the store: its body exactly, its key, its tags (once in the answer, once in the index). */
function sizeOf(key: string, answer: StoredAnswer): number {
  let bytes = ENTRY_OVERHEAD_BYTES + answer.body.length + key.length + (answer.operationName?.length ?? 0);
  for (const tag of answer.keys) bytes += 2 * tag.length;
  return bytes;
}
