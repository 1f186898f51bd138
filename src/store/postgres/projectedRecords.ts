/**
 * Records read without their long lists, cut in PostgreSQL as text: for the answers that name entities and list
 * relations, not their quotes.
 *
 * Measured at 100,000 articles (docs/design-choices.md, `pgrecords`): "What each article added" received 2.67 MB of
 * record text per request (its 1,000 relations and their 640 ends, small records whole with every quote, hubs as slim
 * copies with their heads' ten quotes) for a 173 KB answer that prints names, predicates and article counts; parsing
 * it and collecting the garbage were more than half of the server's CPU for the request. The lists were read by no
 * field of the answer.
 *
 * So the reads whose items are mostly named (a page's ends, an entity's typed fields, an article's relations, an
 * event's projections) select `projectedDoc`: the record's text without its long lists, cut in the database as text
 * (`strpos` and `split_part`, byte searches: no JSON parsing there; `json_each` or `json_to_record` parse the whole
 * text, and cost 12 ms more per 1,000 small relations than reading them whole). A hub's slim copy is cut before its
 * heads (listHeads.ts) the same way. A relation's article count (its only other field read from its evidence) comes
 * with it from the table's `article_count` column, under COUNT_KEY. The record handed out lacks `evidence` (isSlim),
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
 * differ, stores its whole text in the slim column, which the projection reads as it is (it only takes the heads out
 * of a slim copy). A corpus loaded before this check (TABLES_VERSION unchanged) has no such copies; there a cut that
 * does not fall at the top level does not parse (a property named `evidence` before the record's own leaves the
 * first part unclosed; a string after the lists holding `]` leaves the second part inside it) and a record without
 * `id` is refused too (keys between the lists), and such records are read again whole (`parseProjected`, in
 * recordCache.ts); a scalar key between two lists would be lost there, which no builder writes.
 */
import { detachedKey } from './detachedKeys.js';
import { HEADS_KEY } from './listHeads.js';

/** The key under which a projected relation carries its article count (taken out as it is parsed: `detachProjection`). */
export const COUNT_KEY = '@articleCount';

/** `text` without its long lists (see above), with `count` between the two parts; the whole text when it has no `evidence` key. */
function withoutLists(text: string, count: string): string {
  return `coalesce(left(${text}, nullif(strpos(${text}, ',"evidence":['), 0) - 1) || ${count}split_part(${text}, ']', -1), ${text})`;
}

/**
 * The select-list item of a record over table alias `alias` ('e.', 'r.', 't.'), as text, without its long lists: a
 * hub's slim copy without its heads (HEADS_KEY, its last key), another record cut as above. Never NULL, unlike
 * `recordOrNull`: the records it leaves to the store's cache are those whose compressed size passes LARGE_STORED, but
 * the cache keeps only records of LARGE_RECORD characters and more, so a record between the two (a slim copy with
 * long heads, most often) was read again by a second statement for every answer; cut, every record is small.
 * `articleCount`: the alias is a relation's, and the record carries its article count under COUNT_KEY.
 */
export function projectedDoc(alias: string, articleCount = false): string {
  // A record of SLIM_FROM characters or more has a slim copy: the text cut whole is that of a smaller one.
  return projection(`${alias}slim IS NULL`, `${alias}doc::text`, `${alias}slim::text`, articleCount ? `${alias}article_count` : undefined);
}

/**
 * The select-list items of a subquery kept apart (`OFFSET 0`) whose rows `projectedFromTexts` then cuts: the record's
 * text when it has no slim copy (`whole_text`, else NULL) and its slim copy's (`slim_text`). `json` has no cast to
 * `text` but through its output and input functions, and `projectedDoc` names its column three times, so PostgreSQL
 * copies (and decompresses) the record that often; made once in a subquery that is not flattened, the cut reads the
 * same text: 0.5-1 ms less of PostgreSQL's CPU for the 1,000 relations of "What each article added" (`pgeach`).
 */
export function recordTexts(alias: string): string {
  return `CASE WHEN ${alias}slim IS NULL THEN ${alias}doc::text END AS whole_text, ${alias}slim::text AS slim_text`;
}

/** `projectedDoc` over the columns of `recordTexts` (and `article_count` when `articleCount`) of alias `alias`: NULL where both are. */
export function projectedFromTexts(alias: string, articleCount = false): string {
  return projection(`${alias}whole_text IS NOT NULL`, `${alias}whole_text`, `${alias}slim_text`, articleCount ? `${alias}article_count` : undefined);
}

/** The record's text cut (`whole`, when `isWhole`) or its slim copy without its heads (`slim`), with `count` as COUNT_KEY. */
function projection(isWhole: string, whole: string, slim: string, count: string | undefined): string {
  const countItem = count === undefined ? '' : `',"${COUNT_KEY}":' || ${count} || `;
  const slimCut = `coalesce(left(${slim}, nullif(strpos(${slim}, ',"${HEADS_KEY}":'), 0) - 1) || ${countItem}'}', ${slim})`;
  return `CASE WHEN ${isWhole} THEN ${withoutLists(whole, countItem)} ELSE ${slimCut} END`;
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
