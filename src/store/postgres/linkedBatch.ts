/**
 * Batching of `linked` (the typed fields: an event's agents, participants and locations, a proposal's backers):
 * every `linked` asked while a batch is open with the same filter is answered by one statement over all the
 * entities asked about, each entity's answer cut at its own LIMIT in the database (a LATERAL subquery per entity).
 * A playground question such as "who met whom, and where" asks four typed fields of each of 100 meetings: 400
 * statements, one round-trip each, became four; and since the look-ups that name predicates (every typed field) go
 * together whatever their filter, one (linkedByFilterSql). The batch window is EntityBatch's (entityBatch.ts).
 */
import type { EntityAttributes } from '../../graph/types.js';
import type { LinkedFilter } from '../types.js';
import type { Connections } from './connections.js';
import { BatchesByFilter, EntityBatch } from './entityBatch.js';
import { predicateAdjacency, predicatesOfJson } from './predicateAdjacency.js';

/** One batched statement's rows: the entity asked about (its index in $1), and a record of its answer with its sort keys. */
export interface LinkedRow {
  readonly k: number;
  readonly id: string;
  readonly doc: string | null;
  readonly ord: number | null;
  readonly first_pos: number;
}

/**
 * For each entity of $1, the far ends of its matching relations ($2 predicates, $3 negated, $4 direction), each once
 * at the first relation that reaches it, of kind $5, in graph order or ($6) timeline order, at most $7; `doc` is the
 * select-list item given (the record, or NULL for a large one the store takes from its cache). In graph order and of
 * any kind, an entity's answer is its first $7 ends by first relation: cut before the ends are joined to their records
 * (a hub proposal has 337 distinct rejecters; each was looked up for the 10 answered).
 */
export function linkedSql(doc: string): string {
  return `SELECT f.k::int AS k, x.id, x.doc, x.ord, x.first_pos FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (
    SELECT e.id, ${doc} AS doc, CASE WHEN $6 THEN e.timeline_pos ELSE o.first_pos END AS ord, o.first_pos
    FROM (SELECT a.other, min(a.relation_pos) AS first_pos FROM newsgraph.adjacency a
          WHERE a.entity = f.id AND ($2::text[] IS NULL OR a.predicate = ANY($2)) AND ($3::boolean IS NULL OR a.negated = $3)
            AND (CASE $4::text WHEN 'OUT' THEN a.as_out WHEN 'IN' THEN a.as_in ELSE true END)
          GROUP BY a.other ORDER BY first_pos LIMIT CASE WHEN $5::text IS NULL AND NOT $6 THEN $7::bigint END) o
    JOIN newsgraph.entity e ON e.id = o.other
    WHERE ($5::text IS NULL OR e.kind = $5)
    ORDER BY 3, 4 LIMIT $7) x`;
}

/**
 * The same answer for look-ups that each name their own filter, all in one statement: row k of the parallel arrays
 * is one look-up (entity $1, predicates $2 as a JSON array, negated $3, direction $4, kind $5, timeline order $6,
 * at most $7). Every typed field names a predicate, and a question asks several of each item ("who said what about
 * Crimea": a claim's assertedBy, deniedBy, reportedBy, a proposal's proposedBy, backedBy, rejectedBy): one statement
 * instead of one per field, each a round-trip (about 0.7 ms of the server's CPU in `writev` at 100,000 articles on the
 * shared machine, measured by --cpu-prof). Each look-up's rows of each predicate are one range of adjacency_predicate
 * (predicateAdjacency.ts).
 */
export function linkedByFilterSql(doc: string): string {
  return `SELECT f.k::int AS k, x.id, x.doc, x.ord, x.first_pos
  FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::boolean[], $7::int[]) WITH ORDINALITY
    AS f(id, predicates, negated, direction, kind, by_time, lim, k)
  CROSS JOIN LATERAL (
    SELECT e.id, ${doc} AS doc, CASE WHEN f.by_time THEN e.timeline_pos ELSE o.first_pos END AS ord, o.first_pos
    FROM (SELECT a.other, min(a.relation_pos) AS first_pos FROM ${predicateAdjacency('f.id', predicatesOfJson('f.predicates'), 'f.negated', 'f.direction')}
          GROUP BY a.other ORDER BY first_pos LIMIT CASE WHEN f.kind IS NULL AND NOT f.by_time THEN f.lim END) o
    JOIN newsgraph.entity e ON e.id = o.other
    WHERE (f.kind IS NULL OR e.kind = f.kind)
    ORDER BY 3, 4 LIMIT f.lim) x`;
}

/** The answer's order within one entity: timeline (or graph) position, undated last, then the first relation's. */
function byOrder(a: LinkedRow, b: LinkedRow): number {
  const ao = a.ord ?? Number.POSITIVE_INFINITY;
  const bo = b.ord ?? Number.POSITIVE_INFINITY;
  return ao !== bo ? (ao < bo ? -1 : 1) : a.first_pos - b.first_pos;
}

/** One look-up of a batch across filters: an entity and its filter, as linkedByFilterSql's arrays take them. */
type LinkedLookUp = readonly [id: string, predicates: string, negated: boolean | null, direction: string, kind: string | null, byTime: boolean, first: number];

export class LinkedBatches {
  /** Look-ups without predicates: those asked with the same filter (and `first`) share one statement. */
  private readonly byFilter = new BatchesByFilter<EntityAttributes, readonly unknown[]>((ids, values) => this.read(ids, values));
  /** Look-ups with predicates (every typed field), whatever their filter: one statement. Keyed by their JSON. */
  private readonly withPredicates = new EntityBatch<string, EntityAttributes[]>((keys) => this.readByFilter(keys));

  /**
   * @param db where to read
   * @param doc the select-list item of a record (over `e`)
   * @param records the records of rows read with `doc`, in their order (large ones through the store's cache)
   */
  constructor(
    private readonly db: Connections,
    private readonly doc: string,
    private readonly records: (rows: ReadonlyArray<{ readonly key: string; readonly doc: string | null }>) => Promise<EntityAttributes[]>,
  ) {}

  load(id: string, filter: LinkedFilter, first: number): Promise<EntityAttributes[]> {
    const { predicates, direction = 'BOTH', negated, kind, order = 'graph' } = filter;
    const wantKind = order === 'time' ? 'EVENT' : kind;
    if (predicates !== undefined) {
      const lookUp: LinkedLookUp = [id, JSON.stringify([...new Set(predicates)]), negated ?? null, direction, wantKind ?? null, order === 'time', first];
      return this.withPredicates.load(JSON.stringify(lookUp)).then((answer) => answer ?? []);
    }
    const values = [null, negated ?? null, direction, wantKind ?? null, order === 'time', first];
    return this.byFilter.load(id, JSON.stringify(values), values);
  }

  private async read(ids: string[], values: readonly unknown[]): Promise<Map<string, EntityAttributes[]>> {
    const rows = await this.db.read<LinkedRow>(linkedSql(this.doc), [ids, ...values]);
    return this.answers(ids, rows);
  }

  private async readByFilter(keys: string[]): Promise<Map<string, EntityAttributes[]>> {
    const lookUps = keys.map((key) => JSON.parse(key) as LinkedLookUp);
    const column = <I extends number>(i: I) => lookUps.map((lookUp) => lookUp[i]);
    const rows = await this.db.read<LinkedRow>(linkedByFilterSql(this.doc), [column(0), column(1), column(2), column(3), column(4), column(5), column(6)]);
    return this.answers(keys, rows);
  }

  /** Each key's records (k: its index in `keys`, from 1), in its answer's order. */
  private async answers(keys: readonly string[], rows: readonly LinkedRow[]): Promise<Map<string, EntityAttributes[]>> {
    const byEntity = new Map<number, LinkedRow[]>();
    for (const row of rows) {
      const list = byEntity.get(row.k);
      if (list === undefined) byEntity.set(row.k, [row]);
      else list.push(row);
    }
    const ordered = [...byEntity].flatMap(([k, list]) => list.sort(byOrder).map((row) => ({ k, row })));
    const records = await this.records(ordered.map(({ row }) => ({ key: row.id, doc: row.doc })));
    const answers = new Map<string, EntityAttributes[]>(keys.map((key) => [key, []]));
    // `records` leaves out a large record no longer there (a new load between the statements): match by id.
    let at = 0;
    for (const { k, row } of ordered) {
      const record = records[at];
      if (record?.id !== row.id) continue;
      at++;
      answers.get(keys[k - 1] ?? '')?.push(record);
    }
    return answers;
  }
}
