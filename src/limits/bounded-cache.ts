/**
 * A map that keeps at most `maxEntries` entries, dropping the least recently used first: for what
 * is computed once per document a client sends (compiled queries, cost estimates), so that a
 * client sending ever new documents cannot grow it. 0 entries keeps nothing.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value kept for `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      // Re-inserted, it becomes the most recently used (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  set(key: string, value: V): void {
    if (this.maxEntries === 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }

  /** The value for `key`, computed by `make` and kept when absent. */
  getOrMake(key: string, make: () => V): V {
    const kept = this.get(key);
    if (kept !== undefined) return kept;
    const made = make();
    this.set(key, made);
    return made;
  }
}
