/** A GraphQL answer kept for anonymous readers, with what it needs to be sent again. */
export interface StoredAnswer {
  /** The JSON body as sent. */
  body: string;
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
}

interface MemoryEntry {
  answer: StoredAnswer;
  expiresAt: number;
}

/** Answers kept in memory, at most `maxEntries` (the oldest go first). */
export class MemoryAnswerStore implements AnswerStore {
  readonly shared = false;
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly tagged = new Map<string, Set<string>>();
  private changes = 0;

  constructor(private readonly maxEntries = 1000) {}

  async get(key: string): Promise<StoredAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    return entry.answer;
  }

  async set(key: string, answer: StoredAnswer, ttlSeconds: number, generation: number): Promise<void> {
    if (generation !== this.changes) return; // computed from data that has changed since
    this.remove(key);
    this.entries.set(key, { answer, expiresAt: Date.now() + ttlSeconds * 1000 });
    for (const tag of answer.keys) {
      let keys = this.tagged.get(tag);
      if (!keys) this.tagged.set(tag, (keys = new Set()));
      keys.add(key);
    }
    if (this.entries.size > this.maxEntries) this.remove(this.entries.keys().next().value!);
  }

  async generation(): Promise<number> {
    return this.changes;
  }

  async drop(keys: string[]): Promise<void> {
    this.changes += 1;
    for (const tag of keys) for (const key of this.tagged.get(tag) ?? []) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.answer.keys) {
      const keys = this.tagged.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(tag);
    }
  }
}
