/**
 * The records of the corpus's hubs, kept between requests. A hub's record carries every evidence quote and article
 * that names it (up to 660 KB of JSON at 10,000 articles), and hubs are what most answers name: the subject of
 * twenty relations, the neighbours of most entities. Reading and parsing such a record again for each request cost
 * more than everything else the request did. So records from LARGE_RECORD bytes up are kept, least recently used
 * first out, up to a byte budget (the server's memory stays bounded whatever the corpus); small records are not
 * kept (a look-up by id costs about what keeping them would save).
 *
 * A record is valid for the corpus it was read from: the store clears the cache when the corpus changes (the
 * loader's notification, or a changed identity: corpusMeta.ts).
 */
import type { EntityAttributes } from '../../graph/types.js';

/** Records at least this long (JSON characters) are kept. */
export const LARGE_RECORD = 8_192;
/** Characters of JSON kept at most (the parsed records take about twice that in memory). */
export const CACHE_BUDGET = 32 * 1024 * 1024;

export class EntityCache {
  private readonly records = new Map<string, { readonly entity: EntityAttributes; readonly size: number }>();
  private size = 0;

  constructor(private readonly budget = CACHE_BUDGET) {}

  get(id: string): EntityAttributes | undefined {
    const hit = this.records.get(id);
    if (hit === undefined) return undefined;
    // Most recently used last.
    this.records.delete(id);
    this.records.set(id, hit);
    return hit.entity;
  }

  /** Parses a record read as JSON text, keeping it when it is large. */
  parse(id: string, json: string): EntityAttributes {
    const entity = JSON.parse(json) as EntityAttributes;
    if (json.length >= LARGE_RECORD && json.length <= this.budget) {
      const old = this.records.get(id);
      if (old !== undefined) this.size -= old.size;
      this.records.delete(id);
      this.records.set(id, { entity, size: json.length });
      this.size += json.length;
      for (const [key, value] of this.records) {
        if (this.size <= this.budget) break;
        this.records.delete(key);
        this.size -= value.size;
      }
    }
    return entity;
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
