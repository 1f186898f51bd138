/**
 * Records read ahead of their look-ups and kept a short while: what endsAhead.ts keeps for a page's ends and
 * articleBatch.ts for its articles. A page's records are read in one statement before the page is handed out, and
 * the look-ups its answer then makes find them at hand; an item not at hand (expired, or never read ahead) is looked
 * up as before, so the answers are the same either way: only the statements differ.
 *
 * What is kept: the items read, until `keepMs` after the last read ahead, `maxKept` at most (a read that would pass
 * it starts afresh), or the corpus changes (`clear`: a read under way then is not kept either).
 */
export class KeptAhead<K, V> {
  private kept = new Map<K, V>();
  /** The reads under way, by each key they read: a look-up of one waits for it rather than reading again. */
  private pending = new Map<K, Promise<ReadonlyMap<K, V>>>();
  private expiry: NodeJS.Timeout | undefined;
  /** Bumped by `clear`: items read before it (from the previous corpus, perhaps) are not kept. */
  private generation = 0;

  constructor(
    private readonly maxKept: number,
    private readonly keepMs: number,
  ) {}

  /** Reads these keys with `read` (one statement) and keeps what it finds; more than `maxKept` distinct keys are left to their look-ups. */
  async readAhead(keys: Iterable<K>, read: (keys: K[]) => Promise<ReadonlyMap<K, V>>): Promise<void> {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0 || distinct.length > this.maxKept) return;
    const generation = this.generation;
    const reading = read(distinct);
    const pending = this.pending;
    for (const key of distinct) pending.set(key, reading);
    let found: ReadonlyMap<K, V>;
    try {
      found = await reading;
    } finally {
      for (const key of distinct) if (pending.get(key) === reading) pending.delete(key);
    }
    this.keep(found, generation);
  }

  /** What `keep` is given with what it keeps: items read after this and before a `clear` are of the same corpus. */
  get stamp(): number {
    return this.generation;
  }

  /** Keeps these items, read (by another statement) since `stamp` was taken; none when the corpus changed since. */
  keep(found: ReadonlyMap<K, V>, stamp: number): void {
    if (stamp !== this.generation || found.size > this.maxKept) return;
    if (this.kept.size + found.size > this.maxKept) this.kept = new Map();
    for (const [key, value] of found) this.kept.set(key, value);
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.forget(), this.keepMs);
    this.expiry.unref();
  }

  /** The item read ahead for this key, else undefined. */
  get(key: K): V | undefined {
    return this.kept.get(key);
  }

  /** The item a read under way will find for this key (undefined if none), or undefined when no read under way has it. */
  whenRead(key: K): Promise<V | undefined> | undefined {
    return this.pending.get(key)?.then((found) => found.get(key));
  }

  /** Forgets every item, and any read under way (the corpus changed). */
  clear(): void {
    this.generation++;
    this.pending = new Map();
    this.forget();
  }

  /** Forgets every item kept (they expired). */
  private forget(): void {
    this.kept = new Map();
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
