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
 * What is kept: the ends read, until KEEP_MS after the last page read them, MAX_KEPT of them at most (a page that
 * would pass it starts afresh), or the corpus changes (`clear`, with the record caches). Every page reads its ends
 * again (an end kept for an earlier page is not reused for a new one: each request pays for its own reads); an end
 * no longer at hand is looked up as before: the answers are the same either way, only the statements differ.
 */
import type { EntityAttributes } from '../../graph/types.js';

/** Ends kept at most; a page that would pass this forgets the others first. */
export const MAX_KEPT = 8_192;
/** Ends are forgotten this long after the last page read some. */
export const KEEP_MS = 2_000;

export class EndsAhead {
  private kept = new Map<string, EntityAttributes>();
  private expiry: NodeJS.Timeout | undefined;
  /** Bumped by `clear`: ends read before it (from the previous corpus, perhaps) are not kept. */
  private generation = 0;

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
    if (generation !== this.generation) return;
    if (this.kept.size + found.size > MAX_KEPT) this.kept = new Map();
    for (const [id, entity] of found) this.kept.set(id, entity);
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.forget(), KEEP_MS);
    this.expiry.unref();
  }

  /** The entity with this id if a page read it ahead, else undefined. */
  atHand(id: string): EntityAttributes | undefined {
    return this.kept.get(id);
  }

  /** Forgets every end, and any read under way (the corpus changed). */
  clear(): void {
    this.generation++;
    this.forget();
  }

  /** Forgets every end kept (they expired). */
  private forget(): void {
    this.kept = new Map();
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
