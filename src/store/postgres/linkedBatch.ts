/**
 * Batching of `linked` (the typed fields: an event's agents, participants and locations, a proposal's backers):
 * every `linked` asked while a batch is open with the same filter is answered by one statement over all the
 * entities asked about, each entity's answer cut at its own LIMIT in the database (a LATERAL subquery per entity).
 * A playground question such as "who met whom, and where" asks four typed fields of each of 100 meetings: 400
 * statements, one round-trip each, became four. The batch window is EntityBatch's (entityBatch.ts).
 */
import type { EntityAttributes } from '../../graph/types.js';
import type { LinkedFilter } from '../types.js';
import type { Connections } from './connections.js';
import { BatchesByFilter } from './entityBatch.js';
import { predicateAdjacency } from './predicateAdjacency.js';

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
export function linkedSql(doc: string, byPredicate = false): string {
  return `SELECT f.k::int AS k, x.id, x.doc, x.ord, x.first_pos FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (
    SELECT e.id, ${doc} AS doc, CASE WHEN $6 THEN e.timeline_pos ELSE o.first_pos END AS ord, o.first_pos
    FROM (SELECT a.other, min(a.relation_pos) AS first_pos FROM ${byPredicate ? predicateAdjacency('f.id', '$2', '$3', '$4') : 'newsgraph.adjacency a'}
          WHERE ${byPredicate ? 'true' : 'a.entity = f.id AND $2::text[] IS NULL'} AND ($3::boolean IS NULL OR a.negated = $3)
            AND (CASE $4::text WHEN 'OUT' THEN a.as_out WHEN 'IN' THEN a.as_in ELSE true END)
          GROUP BY a.other ORDER BY first_pos LIMIT CASE WHEN $5::text IS NULL AND NOT $6 THEN $7::bigint END) o
    JOIN newsgraph.entity e ON e.id = o.other
    WHERE ($5::text IS NULL OR e.kind = $5)
    ORDER BY 3, 4 LIMIT $7) x`;
}

/** The statement's values after the ids ($2 to $7): equal for two look-ups that may share a statement. */
export function linkedValues(filter: LinkedFilter, first: number): unknown[] {
  const { predicates, direction = 'BOTH', negated, kind, order = 'graph' } = filter;
  const wantKind = order === 'time' ? 'EVENT' : kind;
  return [predicates === undefined ? null : [...new Set(predicates)], negated ?? null, direction, wantKind ?? null, order === 'time', first];
}

/** The answer's order within one entity: timeline (or graph) position, undated last, then the first relation's. */
function byOrder(a: LinkedRow, b: LinkedRow): number {
  const ao = a.ord ?? Number.POSITIVE_INFINITY;
  const bo = b.ord ?? Number.POSITIVE_INFINITY;
  return ao !== bo ? (ao < bo ? -1 : 1) : a.first_pos - b.first_pos;
}

export class LinkedBatches {
  /** Entities asked with the same filter (and `first`) share one statement. */
  private readonly byFilter = new BatchesByFilter<EntityAttributes, readonly unknown[]>((ids, values) => this.read(ids, values));

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
    const values = linkedValues(filter, first);
    return this.byFilter.load(id, JSON.stringify(values), values);
  }

  /** Each id's answer under this filter, in one statement sent now (no batch window): a list's items (recentLists.ts). */
  readAll(ids: string[], filter: LinkedFilter, first: number): Promise<Map<string, EntityAttributes[]>> {
    return this.read(ids, linkedValues(filter, first));
  }

  private async read(ids: string[], values: readonly unknown[]): Promise<Map<string, EntityAttributes[]>> {
    // With predicates (every typed field names one), each entity's rows of each predicate by their own index range.
    const rows = await this.db.read<LinkedRow>(linkedSql(this.doc, values[0] !== null), [ids, ...values]);
    const byEntity = new Map<number, LinkedRow[]>();
    for (const row of rows) {
      const list = byEntity.get(row.k);
      if (list === undefined) byEntity.set(row.k, [row]);
      else list.push(row);
    }
    const ordered = [...byEntity].flatMap(([k, list]) => list.sort(byOrder).map((row) => ({ k, row })));
    const records = await this.records(ordered.map(({ row }) => ({ key: row.id, doc: row.doc })));
    const answers = new Map<string, EntityAttributes[]>(ids.map((id) => [id, []]));
    // `records` leaves out a large record no longer there (a new load between the statements): match by id.
    let at = 0;
    for (const { k, row } of ordered) {
      const record = records[at];
      if (record?.id !== row.id) continue;
      at++;
      answers.get(ids[k - 1] ?? '')?.push(record);
    }
    return answers;
  }
}
