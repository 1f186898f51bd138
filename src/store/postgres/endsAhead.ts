/**
 * The ends of the relations a page hands out, read with the page and at hand when the answer asks for them. A list
 * of relations is almost always asked for its ends (`subject { name } object { name }`), one look-up per end. Entity
 * look-ups are batched (entityBatch.ts), but the API's execution budget lets the fields of a large answer go one per
 * turn of the event loop once its 4 ms slice has passed, so the 2,200 ends of "What each article added" (100
 * articles, 10 relations each) arrived over 100 ms and more, went in 6 to 8 statements, each waiting for the batch
 * window and a round-trip in turn, and each end was a promise through graphql-js and the budget.
 *
 * So a page reads its relations' ends right after its rows, in one statement, before it is handed out
 * (`readAhead`; `Query.relations` reads them in its page's own statement and gives them to `keep`: pageWithEnds.ts),
 * and the resolvers of `subject` and `object` take them at once (`atHand`: no promise, no statement). The price: a
 * page whose ends are not asked reads them anyway (one statement of a few rows per relation).
 *
 * What is kept: each read's ends, as the read's own map (not copied into one map: 640 sets a request), until every
 * GraphQL operation that was running when they were read has ended (`operationStarted`, `operationEnded`: the API
 * says when). They used to be kept until KEEP_MS after the last page read some: at 100,000 articles each request of
 * "What each article added" left its 640 ends to the next one, so they outlived a scavenge or two and were promoted,
 * and the old generation grew by 100-250 KB a request, a mark-compact every 30 to 40 requests whose pause (10-30 ms,
 * most of it evacuating the request under way) was the question's p99 (docs/design-choices.md, `pgeachjs`). KEEP_MS
 * stays the bound for reads made outside any operation (a library's calls) or while one never ends. At most MAX_KEPT
 * ends (a read that would pass it starts afresh); all are forgotten when the corpus changes (`clear`). Every page reads
 * its ends again (an end kept for an earlier page is not reused for a new one: each request pays for its own reads); an
 * end no longer at hand is looked up as before: the answers are the same either way, only the statements differ.
 */
import type { EntityAttributes } from '../../graph/types.js';

/** Ends kept at most; a page that would pass this forgets the others first. */
export const MAX_KEPT = 8_192;
/** Ends are forgotten this long after the last page read some, whatever the operations. */
export const KEEP_MS = 2_000;
/**
 * Operations counted as running at most: one that never ends (its answer was never sent) would otherwise hold every
 * later read until KEEP_MS, and its key for ever; past this the oldest is taken for ended.
 */
export const MAX_RUNNING = 1_024;

/** The ends one read found, and the number of operations started when it was kept. */
interface KeptRead {
  readonly ends: ReadonlyMap<string, EntityAttributes>;
  readonly startedBefore: number;
}

export class EndsAhead {
  /** Oldest first. */
  private kept: KeptRead[] = [];
  private keptCount = 0;
  private expiry: NodeJS.Timeout | undefined;
  /** Bumped by `clear`: ends read before it (from the previous corpus, perhaps) are not kept. */
  private generation = 0;
  /** Operations started so far; each running one by its key, numbered in the order they started (the map's order). */
  private started = 0;
  private readonly running = new Map<object, number>();

  /** @param read the entities with these ids, in one statement (missing ones left out) */
  constructor(private readonly read: (ids: string[]) => Promise<ReadonlyMap<string, EntityAttributes>>) {}

  /** Reads the ends of these relations (at most MAX_KEPT distinct ids; more are left to their look-ups). */
  async readAhead(
    relations: ReadonlyArray<{
      readonly subject: string;
      readonly object: string;
    }>,
  ): Promise<void> {
    const ids = [...new Set(relations.flatMap((r) => [r.subject, r.object]))];
    if (ids.length === 0 || ids.length > MAX_KEPT) return;
    const generation = this.generation;
    this.keepFound(await this.read(ids), generation);
  }

  /** Taken before a statement that reads a page's ends with the page (pageWithEnds.ts), and given back to `keep`. */
  get stamp(): number {
    return this.generation;
  }

  /** Keeps the ends a page's own statement read (pageWithEnds.ts), unless the corpus changed since `stamp`. */
  keep(ends: readonly EntityAttributes[], stamp: number): void {
    if (ends.length === 0 || ends.length > MAX_KEPT) return;
    this.keepFound(new Map(ends.map((entity) => [entity.id, entity])), stamp);
  }

  private keepFound(found: ReadonlyMap<string, EntityAttributes>, generation: number): void {
    if (generation !== this.generation || found.size === 0) return;
    if (this.keptCount + found.size > MAX_KEPT) this.forget();
    this.kept.push({ ends: found, startedBefore: this.started });
    this.keptCount += found.size;
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.forget(), KEEP_MS);
    this.expiry.unref();
  }

  /** The entity with this id if a page read it ahead (the latest read's copy), else undefined. */
  atHand(id: string): EntityAttributes | undefined {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const entity = this.kept[i]?.ends.get(id);
      if (entity !== undefined) return entity;
    }
    return undefined;
  }

  /** Ends kept now (for tests). */
  get count(): number {
    return this.keptCount;
  }

  /** An operation that may read ends starts; `key` names it until `operationEnded`. */
  operationStarted(key: object): void {
    this.running.set(key, ++this.started);
    if (this.running.size > MAX_RUNNING) {
      const oldest = this.running.keys().next();
      if (oldest.done !== true) this.operationEnded(oldest.value);
    }
  }

  /** The operation `key` ended: the reads kept while it ran go once no operation that was running then is left. */
  operationEnded(key: object): void {
    if (!this.running.delete(key)) return;
    const oldestRunning = this.running.values().next();
    const firstStillUsable = oldestRunning.done === true ? Infinity : oldestRunning.value;
    // A read can serve the operations that had started when it was kept: gone once the oldest running began after it.
    let ended = 0;
    while (ended < this.kept.length && (this.kept[ended]?.startedBefore ?? Infinity) < firstStillUsable) ended++;
    if (ended === this.kept.length) this.forget();
    else if (ended > 0) {
      for (const read of this.kept.slice(0, ended)) this.keptCount -= read.ends.size;
      this.kept = this.kept.slice(ended);
    }
  }

  /** Forgets every end, and any read under way (the corpus changed). */
  clear(): void {
    this.generation++;
    this.forget();
  }

  /** Forgets every end kept. */
  private forget(): void {
    this.kept = [];
    this.keptCount = 0;
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
