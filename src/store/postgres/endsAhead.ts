/**
 * The ends of the relations a page handed out, looked up together. A list of relations is almost always asked for
 * its ends (`subject { name } object { name }`), one look-up per end; entity look-ups are batched (entityBatch.ts),
 * but the API's execution budget lets the fields of a large answer go one per turn of the event loop once its 4 ms
 * slice has passed, so the 2,200 ends of "What each article added" (100 articles, 10 relations each) arrived over
 * 100 ms and more and went in 6 to 8 statements, each waiting for the batch window and a round-trip in turn.
 *
 * So a page says which ends it has (`expect`), and the first look-up of any of them looks up the whole group at
 * once, in the batch then open: one statement, and every later look-up of the group waits for that same answer.
 * An end nobody asks for is never read (a page asked only for `predicate` costs nothing more).
 *
 * What is kept: the groups and their answers, until a later page expects the same ids (they are then looked up again
 * with its group: one request's answers are not another's), KEEP_MS after the last group was expected, MAX_EXPECTED
 * ids in all, or the corpus changes (`clear`, with the record caches). A look-up after that is batched as before:
 * the answers are the same either way, only the statements differ.
 */
import type { EntityAttributes } from '../../graph/types.js';

/** Ids kept expected at most; a group that would pass this replaces the others. */
export const MAX_EXPECTED = 8_192;
/** A group expected and its answers are dropped this long after the last group was expected. */
export const KEEP_MS = 2_000;

type Group = { readonly ids: readonly string[] };

export class EndsAhead {
  private groupOf = new Map<string, Group>();
  private looked = new Map<string, Promise<EntityAttributes | null>>();
  private expiry: NodeJS.Timeout | undefined;

  /** @param load one look-up, batched with the others of its window (the store's EntityBatch) */
  constructor(private readonly load: (id: string) => Promise<EntityAttributes | null>) {}

  /** The entities with these ids are likely to be looked up soon, together. */
  expect(ids: Iterable<string>): void {
    const group: Group = { ids: [...new Set(ids)] };
    if (group.ids.length === 0 || group.ids.length > MAX_EXPECTED) return;
    if (this.groupOf.size + this.looked.size + group.ids.length > MAX_EXPECTED) this.clear();
    for (const id of group.ids) {
      // Looked up afresh with this group: an answer kept for an earlier page (another request's) is not reused.
      this.looked.delete(id);
      this.groupOf.set(id, group);
    }
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.clear(), KEEP_MS);
    this.expiry.unref();
  }

  /** The look-up of `id` if it was expected (its whole group looked up now, together), else undefined. */
  lookup(id: string): Promise<EntityAttributes | null> | undefined {
    const looked = this.looked.get(id);
    if (looked !== undefined) return looked;
    const group = this.groupOf.get(id);
    if (group === undefined) return undefined;
    for (const other of group.ids) {
      if (this.groupOf.get(other) !== group) continue;
      this.groupOf.delete(other);
      const answer = this.load(other);
      // A failed look-up is not kept: the next one asks again (and this one's caller sees the failure).
      answer.catch(() => {
        if (this.looked.get(other) === answer) this.looked.delete(other);
      });
      this.looked.set(other, answer);
    }
    return this.looked.get(id);
  }

  /** Forgets every group and answer (the corpus changed, or they expired). */
  clear(): void {
    this.groupOf = new Map();
    this.looked = new Map();
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
