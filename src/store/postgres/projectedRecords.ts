/**
 * Records read without their long lists, cut as text at load (the `cut` column): for the answers that name entities
 * and list relations, not their quotes.
 *
 * Measured at 100,000 articles (docs/design-choices.md, `pgrecords`): "What each article added" received 2.67 MB of
 * record text per request (its 1,000 relations and their 640 ends, small records whole with every quote, hubs as slim
 * copies with their heads' ten quotes) for a 173 KB answer that prints names, predicates and article counts; parsing
 * it and collecting the garbage were more than half of the server's CPU for the request. The lists were read by no
 * field of the answer.
 *
 * So the reads whose items are mostly named (a page's ends, an entity's typed fields, an article's relations, an
 * event's projections) select `projectedDoc`: the record's text without its long lists, cut as text by byte searches
 * (no JSON parsing: `json_each` or `json_to_record` parse the whole text, and cost 12 ms more per 1,000 small
 * relations than reading them whole), once at load (`projectedText`; before TABLES_VERSION 3, in each read). A hub's slim copy is cut before its
 * heads (listHeads.ts) the same way. A relation's article count (its only other field read from its evidence) comes
 * with it, under COUNT_KEY. The record handed out lacks `evidence` (isSlim),
 * so a field that reads a list asks for it as for any slim record (partialRecords.ts: the store slices the list in
 * SQL or reads the whole record, batched per request): the answers are the same, at one more statement when a list
 * is asked.
 *
 * The cut: the text before `,"evidence":[`, then the text after the record's last `]`. The builder writes the long
 * lists (`evidence`, then `articles` and `history`) one after the other, other keys before them and after them only
 * scalars (`event`, `origin`, `symmetric` of a role edge; `draft`): src/build/assemble.ts, assembleEvents.ts,
 * mergeFacts.ts. So the first part is every key before the lists and the second every key after them. A record of
 * another shape (a graph made in code, loaded with `loadGraphIntoPostgres`) is found at load: the loader checks each
 * small record's cut against the record without its lists (slimRecords.ts `cutKeepsEveryKey`) and, where they
 * differ, stores its whole text in the slim column, which the projection takes as it is (it only takes the heads out
 * of a slim copy). Should a cut still not parse, or lose its `id`, the record is read again whole (`parseProjected`,
 * in recordCache.ts).
 */
import { detachedKey } from './detachedKeys.js';
import { HEADS_KEY } from './listHeads.js';

/** The key under which a projected relation carries its article count (taken out as it is parsed: `detachProjection`). */
export const COUNT_KEY = '@articleCount';

/**
 * The record's text as the reads above select it (`cut` column: the loader writes it, corpusRows.ts), from its whole
 * text `full`, its slim copy `slim` (slimRecords.ts `slimJson`, undefined for a small record whose cut keeps every key)
 * and, for a relation, its article count: a slim copy without its heads (HEADS_KEY, its last key), else `full` cut as
 * above, with the count as COUNT_KEY between the two parts; `full` itself when it has no `evidence` key (and a slim
 * copy without heads as it is).
 *
 * Made once at load rather than in each read (`pgadded`, docs/design-choices.md): cut in SQL with `strpos`, `left` and
 * `split_part`, the page of "What each article added" cost 7-9 ms of PostgreSQL's CPU against 3 ms without records,
 * most of it making each record's `json` into text and searching it; read as a stored short text, about what the
 * rows alone cost. The searches are the ones the SQL made (`strpos` is `indexOf`, `left` a slice before it,
 * `split_part(text, ']', -1)` the text after the last `]`, all of it if none), so the stored text is the one the
 * reads of TABLES_VERSION 2 made (tests/store/postgresStoredCut.test.ts compares them over a loaded corpus).
 */
export function projectedText(full: string, slim: string | undefined, articleCount?: number): string {
  const count = articleCount === undefined ? '' : `,"${COUNT_KEY}":${articleCount}`;
  if (slim !== undefined) {
    const heads = slim.indexOf(`,"${HEADS_KEY}":`);
    return heads < 0 ? slim : `${slim.slice(0, heads)}${count}}`;
  }
  const lists = full.indexOf(',"evidence":[');
  return lists < 0 ? full : `${full.slice(0, lists)}${count}${full.slice(full.lastIndexOf(']') + 1)}`;
}

/**
 * The select-list item of a record over table alias `alias` ('e.', 'r.', 't.'), as text, without its long lists: its
 * stored cut (`projectedText`; a relation's with its article count under COUNT_KEY). Never NULL, unlike
 * `recordOrNull`: the records it leaves to the store's cache are those whose compressed size passes LARGE_STORED, but
 * the cache keeps only records of LARGE_RECORD characters and more, so a record between the two (a slim copy with
 * long heads, most often) was read again by a second statement for every answer; cut, every record is small.
 */
export function projectedDoc(alias: string): string {
  return `${alias}cut`;
}

// COUNT_KEY comes last but for `draft` (a cut record's text ends with the count, then what followed the lists).
const articleCounts = detachedKey<number>(COUNT_KEY);
/** Takes a projected relation's article count out of it (if it has one) and keeps it beside it; returns the record. */
export const detachProjection = articleCounts.detach;
/** The article count a projected relation came with, if it did. */
export const projectedArticleCount = articleCounts.of;

/** A record's text as read (projected or not) parsed, or undefined when a cut did not fall at its top level or lost its id (then read it whole). */
export function parseProjected<T>(text: string): T | undefined {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof record === 'object' && record !== null && 'id' in record ? (record as T) : undefined;
}
