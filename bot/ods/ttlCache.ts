/** A small in-memory cache: least recently used entries leave first, and every entry expires after its time to live. */

/** Size and lifetime of a TtlCache. */
export interface TtlCacheOptions {
  /** How many entries are kept; the least recently used goes first. */
  maxEntries: number;
  ttlMs: number;
  /** Milliseconds; injectable so tests can move time. */
  now?: () => number;
}

/** Keeps the ODS directory's answers for a day; good for any lookup whose answer changes slowly. */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: TtlCacheOptions) {
    if (!(options.maxEntries >= 1) || !(options.ttlMs > 0)) throw new RangeError('TtlCache needs maxEntries >= 1 and ttlMs > 0');
    this.#maxEntries = Math.floor(options.maxEntries);
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#now()) return undefined;
    // A Map keeps insertion order: re-inserting marks the entry most recently used.
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
