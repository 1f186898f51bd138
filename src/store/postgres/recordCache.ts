/**
 * The large records of the corpus's hubs, kept between requests. A hub's record carries every evidence quote and
 * article that names it (up to 660 KB of JSON at 10,000 articles, 6.6 MB at 100,000; a relation between two hubs
 * up to 530 KB and 5.3 MB), and hubs are what most answers name: the subject of twenty relations, the neighbours
 * of most entities, the relations an explorer view draws. Reading such a record again for each request cost more
 * than everything else the request did. So records from LARGE_RECORD characters up are kept, least recently used
 * first out, within a budget of bytes (the server's memory stays bounded whatever the corpus); small records are
 * not kept (a look-up costs about what keeping them would save). A record larger than the whole budget is read
 * for its request and not kept.
 *
 * Bytes are counted as BYTES_PER_CHARACTER per character of the record's JSON: a large record's heavy lists are
 * kept as text until read (lazyRecord.ts; one byte a character for Latin-1 text, two otherwise) and as parsed
 * values after (measured: 1.3 bytes of heap a character for a hub's quotes), so two bounds both.
 *
 * Queries that return records ask the database for the small ones only (`recordOrNull`: the stored size is read
 * from the column's header, without reading the record) and take the large ones from here, reading those missing
 * by key in one more query (in parts: lazyRecord.ts).
 *
 * A record is valid for the corpus it was read from: the store clears the caches when the corpus changes (the
 * loader's notification, or a changed identity: corpusMeta.ts).
 */
import { recordOf, storedLength, type StoredRecord } from './lazyRecord.js';
import { detachHeads } from './listHeads.js';
import { detachProjection, parseProjected } from './projectedRecords.js';

/** Records at least this long (JSON characters) are kept. */
export const LARGE_RECORD = 8_192;
/** Heap bytes counted per JSON character of a kept record (see above). */
export const BYTES_PER_CHARACTER = 2;
/**
 * Bytes of heap the store's record caches (all four together: ByteBudget) may hold, by default: enough for
 * the whole records of the few dozen largest hubs at 10,000 articles (660 KB each), a few of the largest at 100,000; the rest of the
 * server is about 60 MB of heap (docs/design-choices.md "The PostgreSQL server's memory").
 */
export const DEFAULT_RECORD_CACHE_BYTES = 48 * 1024 * 1024;

/** Stored size (`pg_column_size`, compressed) from which a query leaves a record to the cache: below LARGE_RECORD for any record. */
export const LARGE_STORED = 2_048;

/** The select-list item for a `json` column: its text when small, NULL when large (the caller takes it from a cache). */
export function recordOrNull(column: string): string {
  return `CASE WHEN pg_column_size(${column}) < ${LARGE_STORED} THEN ${column}::text END`;
}

/** Reads the stored records of these keys (those that exist), in one query. */
export type ReadStored<K> = (missing: K[]) => Promise<ReadonlyArray<readonly [K, StoredRecord]>>;

/**
 * One byte budget shared by several caches (the PostgreSQL store's four: records handed out and whole records, of
 * entities and of relations), with one least-recently-used order across them: a hub's whole record read for its
 * evidence and the slim records of the entities around it compete for the same bytes, and the total stays bounded
 * whatever the mix of questions.
 */
export class ByteBudget {
  /** Entries kept by every cache of this budget, least recently used first; each says how to let itself go. */
  private readonly kept = new Map<object, { readonly bytes: number; readonly evict: () => void }>();
  private usedBytes = 0;

  /** @param limit bytes of heap kept at most (counted as BYTES_PER_CHARACTER per JSON character); 0 keeps nothing */
  constructor(readonly limit: number = DEFAULT_RECORD_CACHE_BYTES) {}

  /** Bytes counted for what the caches keep: never more than `limit`. */
  get used(): number {
    return this.usedBytes;
  }

  /** Marks an entry as just used. */
  touch(entry: object): void {
    const kept = this.kept.get(entry);
    if (kept === undefined) return;
    this.kept.delete(entry);
    this.kept.set(entry, kept);
  }

  /** Counts a new entry (bytes ≤ limit), letting the least recently used ones go until the total fits. */
  add(entry: object, bytes: number, evict: () => void): void {
    this.kept.set(entry, { bytes, evict });
    this.usedBytes += bytes;
    for (const [oldest, value] of this.kept) {
      if (this.usedBytes <= this.limit) break;
      this.kept.delete(oldest);
      this.usedBytes -= value.bytes;
      value.evict();
    }
  }

  /** Stops counting an entry its cache dropped (replaced or cleared). */
  remove(entry: object): void {
    const kept = this.kept.get(entry);
    if (kept === undefined) return;
    this.kept.delete(entry);
    this.usedBytes -= kept.bytes;
  }
}

interface Kept<T> {
  readonly record: T;
  readonly bytes: number;
}

export class RecordCache<K, T> {
  private readonly records = new Map<K, Kept<T>>();
  private used = 0;
  private readonly shared: ByteBudget;

  /** @param budget the budget shared with other caches, or bytes of heap for this cache alone; 0 keeps nothing */
  constructor(budget: ByteBudget | number = DEFAULT_RECORD_CACHE_BYTES) {
    this.shared = typeof budget === 'number' ? new ByteBudget(budget) : budget;
  }

  /** Bytes this cache (with the others sharing its budget) may hold. */
  get budget(): number {
    return this.shared.limit;
  }

  get(key: K): T | undefined {
    const hit = this.records.get(key);
    if (hit === undefined) return undefined;
    this.shared.touch(hit);
    return hit.record;
  }

  /** Makes the record of a stored one, keeping it when it is large and fits the budget. */
  parse(key: K, stored: StoredRecord): T {
    // A slim copy's list heads are kept beside the record, not in it (listHeads.ts).
    const record = detachHeads(recordOf<T>(stored));
    const length = storedLength(stored);
    const bytes = length * BYTES_PER_CHARACTER;
    if (length >= LARGE_RECORD && bytes <= this.shared.limit) {
      this.drop(key);
      const entry: Kept<T> = { record, bytes };
      this.records.set(key, entry);
      this.used += bytes;
      this.shared.add(entry, bytes, () => {
        if (this.records.get(key) !== entry) return;
        this.records.delete(key);
        this.used -= bytes;
      });
    }
    return record;
  }

  private drop(key: K): void {
    const old = this.records.get(key);
    if (old === undefined) return;
    this.records.delete(key);
    this.used -= old.bytes;
    this.shared.remove(old);
  }

  /** The records with these keys (missing ones left out): kept ones from here, the others by one call of `read`. */
  async getMany(keys: readonly K[], read: ReadStored<K>): Promise<Map<K, T>> {
    const found = new Map<K, T>();
    const missing: K[] = [];
    for (const key of new Set(keys)) {
      const kept = this.get(key);
      if (kept === undefined) missing.push(key);
      else found.set(key, kept);
    }
    if (missing.length === 0) return found;
    for (const [key, stored] of await read(missing)) found.set(key, this.parse(key, stored));
    return found;
  }

  /** The records of rows read with `recordOrNull`, in their order: small ones parsed, large ones through `getMany`. */
  async recordsOfRows(rows: ReadonlyArray<{ readonly key: K; readonly doc: string | null }>, read: ReadStored<K>): Promise<T[]> {
    // A record read without its lists (projectedRecords.ts) whose cut did not fall at its top level is read again whole.
    const parsed = rows.map((r) => (r.doc === null ? undefined : parseProjected<T>(r.doc)));
    const large = await this.getMany(
      rows.flatMap((r, i) => (parsed[i] === undefined ? [r.key] : [])),
      read,
    );
    return rows.flatMap((r, i) => {
      const record = parsed[i];
      return record === undefined ? (large.get(r.key) ?? []) : [detachProjection(detachHeads(record))];
    });
  }

  clear(): void {
    for (const key of [...this.records.keys()]) this.drop(key);
  }

  /** Records kept (for tests). */
  get count(): number {
    return this.records.size;
  }

  /** Bytes counted for the records this cache keeps (the budget bounds them with its other caches'). */
  get bytes(): number {
    return this.used;
  }
}
