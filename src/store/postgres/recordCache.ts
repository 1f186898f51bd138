/**
 * The large records of the corpus's hubs, kept between requests. A hub's record carries every evidence quote and
 * article that names it (up to 660 KB of JSON at 10,000 articles, a relation between two hubs up to 530 KB), and
 * hubs are what most answers name: the subject of twenty relations, the neighbours of most entities, the relations
 * an explorer view draws. Reading and parsing such a record again for each request cost more than everything else
 * the request did. So records from LARGE_RECORD characters up are kept, least recently used first out, up to a
 * byte budget (the server's memory stays bounded whatever the corpus); small records are not kept (a look-up costs
 * about what keeping them would save).
 *
 * Queries that return records ask the database for the small ones only (`recordOrNull`: the stored size is read
 * from the column's header, without reading the record) and take the large ones from here, reading those missing
 * by key in one more query.
 *
 * A record is valid for the corpus it was read from: the store clears the caches when the corpus changes (the
 * loader's notification, or a changed identity: corpusMeta.ts).
 */

/** Records at least this long (JSON characters) are kept. */
export const LARGE_RECORD = 8_192;
/** Stored (compressed) size from which a query leaves a record to the cache: below LARGE_RECORD for any record. */
export const LARGE_STORED = 2_048;
/**
 * Characters of JSON kept at most, per cache (entities, relations): the parsed records take about twice that in
 * memory, so the two caches hold about 50 MB of the server's heap at most, within the 300 MB for a server
 * over PostgreSQL; enough for the few dozen largest hubs (660 KB each at 10,000 articles), which are the records
 * asked again and again.
 */
export const CACHE_BUDGET = 12 * 1024 * 1024;

/** The select-list item for a `json` column: its text when small, NULL when large (the caller takes it from a cache). */
export function recordOrNull(column: string): string {
  return `CASE WHEN pg_column_size(${column}) < ${LARGE_STORED} THEN ${column}::text END`;
}

export class RecordCache<K, T> {
  private readonly records = new Map<K, { readonly record: T; readonly size: number }>();
  private size = 0;

  constructor(private readonly budget = CACHE_BUDGET) {}

  get(key: K): T | undefined {
    const hit = this.records.get(key);
    if (hit === undefined) return undefined;
    // Most recently used last.
    this.records.delete(key);
    this.records.set(key, hit);
    return hit.record;
  }

  /** Parses a record read as JSON text, keeping it when it is large. */
  parse(key: K, json: string): T {
    const record = JSON.parse(json) as T;
    if (json.length >= LARGE_RECORD && json.length <= this.budget) {
      const old = this.records.get(key);
      if (old !== undefined) this.size -= old.size;
      this.records.delete(key);
      this.records.set(key, { record, size: json.length });
      this.size += json.length;
      for (const [oldest, value] of this.records) {
        if (this.size <= this.budget) break;
        this.records.delete(oldest);
        this.size -= value.size;
      }
    }
    return record;
  }

  /** The records with these keys (missing ones left out): kept ones from here, the others by one call of `read`. */
  async getMany(keys: readonly K[], read: (missing: K[]) => Promise<ReadonlyArray<readonly [K, string]>>): Promise<Map<K, T>> {
    const found = new Map<K, T>();
    const missing: K[] = [];
    for (const key of new Set(keys)) {
      const kept = this.get(key);
      if (kept === undefined) missing.push(key);
      else found.set(key, kept);
    }
    if (missing.length === 0) return found;
    for (const [key, json] of await read(missing)) found.set(key, this.parse(key, json));
    return found;
  }

  /** The records of rows read with `recordOrNull`, in their order: small ones parsed, large ones through `getMany`. */
  async recordsOfRows(rows: ReadonlyArray<{ readonly key: K; readonly doc: string | null }>, read: (missing: K[]) => Promise<ReadonlyArray<readonly [K, string]>>): Promise<T[]> {
    const large = await this.getMany(
      rows.flatMap((r) => (r.doc === null ? [r.key] : [])),
      read,
    );
    return rows.flatMap((r) => (r.doc === null ? (large.get(r.key) ?? []) : [JSON.parse(r.doc) as T]));
  }

  clear(): void {
    this.records.clear();
    this.size = 0;
  }

  /** Records kept (for tests). */
  get count(): number {
    return this.records.size;
  }
}
