/**
 * Where the ends read with an entity's relations go (relationsOfBatch.ts `relationsOfWithEndsSql`): kept at hand for
 * `subject` and `object` (endsAhead.ts), and remembered as lists, one per kind, for their typed fields (recentLists.ts).
 *
 * Why the lists: "Who said what about Crimea" (the corpus's place) asks, of the subjects of the place's 50 relations,
 * `... on Claim { assertedBy deniedBy reportedBy }` and `... on Proposal { proposedBy backedBy rejectedBy }`. When the
 * subjects were looked up after the relations (one batched statement), GraphQL asked all their typed fields in the
 * same few turns and the batch window took each filter's look-ups in one statement: 6. With the subjects at hand,
 * GraphQL goes on at once, and once the execution budget's 4 ms slice has passed it lets the fields go one per turn,
 * so the typed fields came over 80 ms and more and went in 40 to 50 statements (measured at 100,000 articles).
 * Remembered as lists, the first `assertedBy` asked of one claim reads it for every claim of the list, in one
 * statement, whatever the pace of the others. One list per kind: a typed field is asked only of its kind, so every
 * item takes its answer and the answers are let go at once (recentLists.ts); a mixed list would keep the answers of
 * the items never asked until KEEP_LIST_MS.
 *
 * Only claims and proposals (ATTRIBUTED_KINDS), whose typed fields say who said, denied, reported, proposed, backed or
 * rejected them: the attribution an answer about a place or a person prints beside its relations. A list is kept for
 * KEEP_LIST_MS whatever asks next, so a later question asking a typed field of one of its items reads it for the whole
 * list; the other kinds' typed fields are asked of the lists their own questions hand out (a timeline's events), and
 * are left to those.
 */
import type { EntityAttributes } from '../../graph/types.js';
import type { EndsAhead } from './endsAhead.js';
import type { RecentLists } from './recentLists.js';
import type { EndsOfRelations } from './relationsOfBatch.js';

/** The kinds whose ends are remembered as lists for their typed fields (see above). */
export const ATTRIBUTED_KINDS: ReadonlySet<string> = new Set(['CLAIM', 'PROPOSAL']);

/**
 * @param doc the select-list item of an end's record, over `e`
 * @param records the records of the rows read (large ones through the store's cache)
 */
export function endsOfRelations(
  doc: string,
  endsAhead: EndsAhead,
  lists: RecentLists,
  records: (rows: ReadonlyArray<{ readonly key: string; readonly doc: string | null }>) => Promise<EntityAttributes[]>,
): EndsOfRelations {
  return {
    doc,
    stamp: () => endsAhead.stamp,
    keep: async (rows, stamp) => {
      const ends = await records(rows);
      if (stamp !== endsAhead.stamp) return;
      endsAhead.keep(ends, stamp);
      const byKind = new Map<string, string[]>();
      for (const end of ends) {
        if (!ATTRIBUTED_KINDS.has(end.kind)) continue;
        const ids = byKind.get(end.kind);
        if (ids === undefined) byKind.set(end.kind, [end.id]);
        else ids.push(end.id);
      }
      for (const ids of byKind.values()) lists.remember(ids);
    },
  };
}
