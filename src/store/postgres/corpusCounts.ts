/**
 * Counts of a filter, kept for the corpus they were counted in. A list's `totalCount` under a filter
 * (`relations(minArticles: 2, negated: false)`: 56,822 relations at 100,000 articles) is a count over an index that
 * only a new load changes, yet every page of that list, and every request asking it, counted again: 4 to 15 ms of
 * index entries per request, before its page could be handed out. So a count is kept once made, keyed by its
 * statement and values, until the corpus changes (`clear`, with the record caches: the store is told by the loader's
 * notification, or by the identity it reads per request from replicas); the first request after a load counts.
 * At most MAX_COUNTS are kept (then they are all dropped and counted again as asked); a count that fails is not kept.
 */

/** Counts kept at most. */
export const MAX_COUNTS = 1_024;

export class CorpusCounts {
  private counts = new Map<string, Promise<number>>();

  /** The count that `count()` makes, made once per corpus for this key. */
  get(key: string, count: () => Promise<number>): Promise<number> {
    const kept = this.counts.get(key);
    if (kept !== undefined) return kept;
    if (this.counts.size >= MAX_COUNTS) this.counts = new Map();
    const counting = count();
    this.counts.set(key, counting);
    const counts = this.counts;
    counting.catch(() => {
      if (counts.get(key) === counting) counts.delete(key);
    });
    return counting;
  }

  /** Forgets every count (the corpus changed). */
  clear(): void {
    this.counts = new Map();
  }
}
