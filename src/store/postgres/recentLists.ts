/**
 * The lists of entities the store handed out lately (a timeline's events), so that a field asked of one item of a list
 * is read for every item of that list at once, in one statement sent at the first ask, and the other items find their
 * answers waiting.
 *
 * Why: GraphQL resolves a list's items with the same selection, so a typed field asked of one event of a timeline is
 * asked of all of them; but it asks them over many turns of the event loop. Once the API's execution budget has
 * passed its 4 ms slice it lets the fields go one per turn (src/api/executionBudget.ts), and "who met whom, and
 * where" asks 900 fields of its 100 meetings. A batch window (sharedWindow.ts, batchWindow.ts) waits for the
 * look-ups to stop coming, up to MAX_OPEN_MS; at 100,000 articles under load the window ran out before the list's last
 * fields were asked, so one request sent 5 to 49 statements in 2 to 8 waves, one after the other (measured: the
 * slowest requests were those with most waves). Knowing the list, the store needs no window: the first event's
 * `agents` reads the agents of all 100 events, and the four typed fields go as four statements in parallel, the
 * first few turns after the timeline's answer, whatever the budget does afterwards.
 *
 * What is kept: each list's ids for KEEP_LIST_MS after the last list was handed out, MAX_LISTED ids at most (a list
 * that would pass it starts afresh), until the corpus changes (`clear`); a field's answers until every item of the list
 * has taken its own. An id is in its latest list only. Every list reads its own answers (a later request reading the
 * same timeline reads them again), so the answers are those a look-up would get: only the number of statements
 * differs. The price: a list of which only one item's field is asked (an `@include` on one item cannot do it:
 * directives apply to every item alike; a look-up of one of its events within KEEP_LIST_MS, after the list's own
 * answers went, can) reads it for all.
 */

/** Lists are forgotten this long after the last one was handed out. */
export const KEEP_LIST_MS = 2_000;
/** Ids remembered at most; a list that would pass this forgets the others first. */
export const MAX_LISTED = 8_192;

/** One field's answers for all the ids of a list, and how many ids have not taken theirs yet. */
interface FieldAnswers {
  readonly answers: Promise<ReadonlyMap<string, unknown>>;
  readonly waiting: Set<string>;
}

/** One list handed out: its ids in order, and each field's answers for all of them, read at that field's first ask. */
interface Listed {
  readonly ids: readonly string[];
  readonly fields: Map<string, FieldAnswers>;
}

export class RecentLists {
  private listOf = new Map<string, Listed>();
  private expiry: NodeJS.Timeout | undefined;

  /** A list was handed out: a field asked of one of its items is read for all of them. A lone item is not remembered. */
  remember(ids: readonly string[]): void {
    if (ids.length < 2) return;
    if (this.listOf.size + ids.length > MAX_LISTED) this.listOf = new Map();
    const listed: Listed = { ids, fields: new Map() };
    for (const id of ids) this.listOf.set(id, listed);
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.clear(), KEEP_LIST_MS);
    this.expiry.unref();
  }

  /**
   * The answer of field `field` for `id`, read by `read` for every item of the latest list that holds `id` at the first
   * ask of any of them; undefined when `id` is in no list kept (the caller looks it up as before). `field` names the
   * field and its arguments: the same `field` must always be read by the same kind of `read`.
   */
  ask<V>(id: string, field: string, read: (ids: string[]) => Promise<ReadonlyMap<string, V>>): Promise<V | undefined> | undefined {
    const listed = this.listOf.get(id);
    if (listed === undefined) return undefined;
    let asked = listed.fields.get(field);
    if (asked === undefined) {
      // The first ask of this field since the list was handed out, or since all its items took their answers: read for
      // the whole list (an item asking again, as two aliases of one field do, takes the answers under way).
      const reading = read([...listed.ids]);
      const fresh: FieldAnswers = { answers: reading, waiting: new Set(listed.ids) };
      asked = fresh;
      listed.fields.set(field, fresh);
      // A failed read is not kept: the items asked later read again.
      reading.catch(() => {
        if (listed.fields.get(field) === fresh) listed.fields.delete(field);
      });
    }
    // Once every item has taken its answer, the answers are let go (not kept KEEP_LIST_MS: records kept past their
    // answer outlive the young generation's collections and are copied, then promoted, for nothing).
    const { answers, waiting } = asked;
    waiting.delete(id);
    if (waiting.size === 0 && listed.fields.get(field) === asked) listed.fields.delete(field);
    return (answers as Promise<ReadonlyMap<string, V>>).then((byId) => byId.get(id));
  }

  /** Forgets every list (they expired, or the corpus changed). */
  clear(): void {
    this.listOf = new Map();
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
