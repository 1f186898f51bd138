/**
 * The totals of filtered relation lists (`relations(predicate: ["REJECTED"], negated: false) { totalCount }`), kept
 * per loaded corpus. Such a count reads every index entry of the filter (34,097 REJECTED relations at 100,000
 * articles: 3 to 7 ms under load, the largest statement of "who rejected what" once its typed fields were cheap), and
 * it is on the answer's path; yet it changes only with a new load. Keyed by the corpus's identity with the statement
 * and its values, so a count is never answered for another corpus than the one it was read from, and cleared when the
 * corpus changes. At most LIMIT counts (a few dozen bytes each), the oldest let go first.
 */

/** Counts kept at most. */
export const COUNT_CACHE_LIMIT = 1_024;

export class CountCache {
  private readonly counts = new Map<string, number>();

  /** The count under `key` (corpus identity, statement, values), read by `count` when not kept. */
  async of(key: string, count: () => Promise<number>): Promise<number> {
    const kept = this.counts.get(key);
    if (kept !== undefined) return kept;
    const n = await count();
    if (this.counts.size >= COUNT_CACHE_LIMIT) {
      const oldest = this.counts.keys().next();
      if (oldest.done !== true) this.counts.delete(oldest.value);
    }
    this.counts.set(key, n);
    return n;
  }

  clear(): void {
    this.counts.clear();
  }

  /** Counts kept (for tests). */
  get size(): number {
    return this.counts.size;
  }
}
