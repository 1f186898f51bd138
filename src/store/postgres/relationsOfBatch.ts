/**
 * Batching of `relationsOf` (an entity's relations through a filter: a person's positions, a proposal's
 * endorsements): every one asked while a batch is open with the same filter and `first` is answered by one
 * statement, each entity's relations cut at its own LIMIT in the database. "Who holds which position" asks the
 * positions of each of 50 people: 50 statements became one or two. The batch window is EntityBatch's.
 */
import type { RelationAttributes } from '../../graph/types.js';
import type { LinkFilter } from '../types.js';
import type { Connections } from './connections.js';
import { BatchesByFilter } from './entityBatch.js';
import { predicateAdjacency } from './predicateAdjacency.js';

interface RelationRow {
  readonly k: number | null; // the entity's index in $1; null for an end (relationsOfWithEndsSql)
  readonly id: string;
  readonly pos: number;
  readonly doc: string | null;
}

/** For each entity of $1, its relations through the filter ($2 predicates, $3 negated, $4 direction) in graph order, at most $5. */
function relationsOfSql(doc: string): string {
  return `SELECT f.k::int AS k, x.id, x.pos, x.doc FROM ${relationsOfEach(doc, '')}
  ORDER BY 1, 3`;
}

/** Each entity of $1 (`f`, numbered `k`) and its relations through the filter (`x`, with `ends` over `r`), as relationsOfSql. */
function relationsOfEach(doc: string, ends: string): string {
  return `unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (
    SELECT r.id, r.pos, ${ends}${doc} AS doc FROM newsgraph.adjacency a JOIN newsgraph.relation r ON r.pos = a.relation_pos
    WHERE a.entity = f.id AND ($2::text[] IS NULL OR a.predicate = ANY($2)) AND ($3::boolean IS NULL OR a.negated = $3)
      AND (CASE $4::text WHEN 'OUT' THEN a.as_out WHEN 'IN' THEN a.as_in ELSE true END)
    ORDER BY a.relation_pos LIMIT $5) x`;
}

/**
 * relationsOfSql's rows, then the ends of those relations (`k` null, `id` the entity's, `doc` as `endDoc` over `e`),
 * each once: the ends of a list are almost always asked (`subject { name }`), and looked up after the list they were a
 * round-trip more, on the critical path of every field asked of them (pageWithEnds.ts does the same for a page).
 */
function relationsOfWithEndsSql(doc: string, endDoc: string): string {
  return `WITH page AS MATERIALIZED (SELECT f.k::int AS k, x.id, x.pos, x.subject, x.object, x.doc FROM ${relationsOfEach(doc, 'r.subject, r.object, ')})
  SELECT k, id, pos, doc FROM page
  UNION ALL
  SELECT NULL, e.id, NULL, ${endDoc} FROM newsgraph.entity e WHERE e.id IN (SELECT subject FROM page UNION SELECT object FROM page)
  ORDER BY 1, 3`;
}

/**
 * The same answer when the filter names predicates ($2 not null), read the cheaper of two ways, chosen in the
 * database from the entities' degrees (the `entity.degree` column: their adjacency rows) against $6, the
 * predicates' relations (from the corpus's figures) times HEAP_ROW_COST:
 * - through each entity's adjacency rows, as relationsOfSql: its cost grows with the degrees, every row read
 *   and most filtered out by predicate, which adjacency_entity does not hold as a key (a person named in many
 *   articles has thousands of rows and a handful of HOLDS_POSITION ones);
 * - through the predicates' relations (relation_predicate), joined (hashed) to the entities by subject and by object,
 *   kept when the direction matches from that end as adjacencyRows (corpusRows.ts) sets as_out and as_in: a
 *   symmetric relation either way, else OUT from the subject, IN from the object, a self-loop once from its subject
 *   either way; each entity's first $5 by position.
 * One of the two branches runs: the other's one-time filter (the degrees' InitPlan) is false.
 */
function relationsOfPredicatesSql(doc: string): string {
  return `WITH f AS (SELECT id, k FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)),
  degrees AS MATERIALIZED (SELECT coalesce(sum(degree), 0) AS total FROM newsgraph.entity WHERE id = ANY($1::text[])),
  p AS MATERIALIZED (
    SELECT pos, subject, object, is_symmetric FROM newsgraph.relation
    WHERE (SELECT total FROM degrees) > $6::bigint AND predicate = ANY($2) AND ($3::boolean IS NULL OR negated = $3))
  SELECT f.k::int AS k, x.id, x.pos, x.doc FROM f
  CROSS JOIN LATERAL (
    SELECT r.id, r.pos, ${doc} AS doc FROM ${predicateAdjacency('f.id', '$2', '$3', '$4', '$5')} JOIN newsgraph.relation r ON r.pos = a.relation_pos
    ORDER BY a.relation_pos LIMIT $5) x
  WHERE (SELECT total FROM degrees) <= $6::bigint
  UNION ALL
  SELECT m.k::int, r.id, r.pos, ${doc} FROM (
    SELECT e.k, e.pos, row_number() OVER (PARTITION BY e.k ORDER BY e.pos) AS n FROM (
      SELECT f.k, p.pos FROM p JOIN f ON f.id = p.subject WHERE $4::text <> 'IN' OR p.is_symmetric OR p.subject = p.object
      UNION ALL
      SELECT f.k, p.pos FROM p JOIN f ON f.id = p.object WHERE p.object <> p.subject AND ($4::text <> 'OUT' OR p.is_symmetric)) e
  ) m JOIN newsgraph.relation r ON r.pos = m.pos
  WHERE m.n <= $5
  ORDER BY 1, 3`;
}

/**
 * What reading one relation of a predicate costs against one adjacency row: a heap row (relation_predicate holds
 * no ends) against an index-only tuple. Measured (EXPLAIN ANALYZE, warm): the 74,000 adjacency rows of the first 50
 * people at 10,000 articles in 8 ms; the 800 HOLDS_POSITION relations at 100,000 articles, read and joined to them,
 * in 2 to 3 ms: about 25 times as much a row. Twice that, since a cold cache makes the heap rows dearer still (the
 * first read of those relations took 648 blocks from disk). HOLDS_POSITION stays near 800 relations from 10,000 to
 * 100,000 articles while the people's rows grow tenfold.
 */
export const HEAP_ROW_COST = 50;

/** Where the ends read with the relations go (the store's ends at hand: endsAhead.ts). */
export interface EndsOfRelations {
  /** The select-list item of an end's record, over `e` (newsgraph.entity). */
  readonly doc: string;
  /** Taken before the statement, given back to `keep` (the corpus may change while it runs). */
  stamp(): number;
  /** Keeps the ends read (their ids and docs as selected), before the relations are answered. */
  keep(rows: ReadonlyArray<{ readonly key: string; readonly doc: string | null }>, stamp: number): Promise<void>;
}

export class RelationsOfBatches {
  /** Entities asked with the same filter (and `first`) share one statement. */
  private readonly byFilter = new BatchesByFilter<RelationAttributes, readonly unknown[]>((ids, values) => this.read(ids, values));

  /**
   * @param doc the select-list item of a record (over `r`)
   * @param records the records of rows read with `doc`, in their order (large ones through the store's cache)
   * @param predicateRelations how many relations the graph has with these predicates (the corpus's figures)
   * @param ends when given, the relations read without a predicate filter come with their ends (relationsOfWithEndsSql),
   * selected as `ends.doc` (over `e`) and handed to `ends.keep` before the relations are answered
   */
  constructor(
    private readonly db: Connections,
    private readonly doc: string,
    private readonly records: (rows: ReadonlyArray<{ readonly key: number; readonly doc: string | null }>) => Promise<RelationAttributes[]>,
    private readonly predicateRelations: (predicates: readonly string[]) => Promise<number>,
    private readonly ends?: EndsOfRelations,
  ) {}

  load(id: string, filter: LinkFilter, first: number): Promise<RelationAttributes[]> {
    const values = [filter.predicates === undefined ? null : [...new Set(filter.predicates)], filter.negated ?? null, filter.direction ?? 'BOTH', first];
    return this.byFilter.load(id, JSON.stringify(values), values);
  }

  private async read(ids: string[], values: readonly unknown[]): Promise<Map<string, RelationAttributes[]>> {
    const predicates = values[0] as string[] | null;
    const ends = this.ends;
    const stamp = ends?.stamp();
    const read =
      predicates === null
        ? await this.db.read<RelationRow>(ends === undefined ? relationsOfSql(this.doc) : relationsOfWithEndsSql(this.doc, ends.doc), [ids, ...values])
        : await this.db.read<RelationRow>(relationsOfPredicatesSql(this.doc), [ids, ...values, (await this.predicateRelations(predicates)) * HEAP_ROW_COST]);
    const rows = read.filter((r) => r.k !== null);
    const endRows = read.flatMap((r) => (r.k === null ? [{ key: r.id, doc: r.doc }] : []));
    const [records] = await Promise.all([
      this.records(rows.map((r) => ({ key: r.pos, doc: r.doc }))),
      ends === undefined || stamp === undefined || endRows.length === 0 ? undefined : ends.keep(endRows, stamp),
    ]);
    const answers = new Map<string, RelationAttributes[]>(ids.map((id) => [id, []]));
    // `records` leaves out a large record no longer there (a new load between the statements): matched by id.
    let at = 0;
    for (const row of rows) {
      const record = records[at];
      if (record?.id !== row.id) continue;
      at++;
      answers.get(ids[(row.k ?? 0) - 1] ?? '')?.push(record);
    }
    return answers;
  }
}
