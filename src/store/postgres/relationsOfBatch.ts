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

interface RelationRow {
  readonly k: number; // the entity's index in $1
  readonly id: string;
  readonly pos: number;
  readonly doc: string | null;
}

/** For each entity of $1, its relations through the filter ($2 predicates, $3 negated, $4 direction) in graph order, at most $5. */
function relationsOfSql(doc: string): string {
  return `SELECT f.k::int AS k, x.id, x.pos, x.doc FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (
    SELECT r.id, r.pos, ${doc} AS doc FROM newsgraph.adjacency a JOIN newsgraph.relation r ON r.pos = a.relation_pos
    WHERE a.entity = f.id AND ($2::text[] IS NULL OR a.predicate = ANY($2)) AND ($3::boolean IS NULL OR a.negated = $3)
      AND (CASE $4::text WHEN 'OUT' THEN a.as_out WHEN 'IN' THEN a.as_in ELSE true END)
    ORDER BY a.relation_pos LIMIT $5) x
  ORDER BY 1, 3`;
}

export class RelationsOfBatches {
  /** Entities asked with the same filter (and `first`) share one statement. */
  private readonly byFilter = new BatchesByFilter<RelationAttributes, readonly unknown[]>((ids, values) => this.read(ids, values));

  /**
   * @param doc the select-list item of a record (over `r`)
   * @param records the records of rows read with `doc`, in their order (large ones through the store's cache)
   */
  constructor(
    private readonly db: Connections,
    private readonly doc: string,
    private readonly records: (rows: ReadonlyArray<{ readonly key: number; readonly doc: string | null }>) => Promise<RelationAttributes[]>,
  ) {}

  load(id: string, filter: LinkFilter, first: number): Promise<RelationAttributes[]> {
    const values = [filter.predicates === undefined ? null : [...filter.predicates], filter.negated ?? null, filter.direction ?? 'BOTH', first];
    return this.byFilter.load(id, JSON.stringify(values), values);
  }

  private async read(ids: string[], values: readonly unknown[]): Promise<Map<string, RelationAttributes[]>> {
    const rows = await this.db.read<RelationRow>(relationsOfSql(this.doc), [ids, ...values]);
    const records = await this.records(rows.map((r) => ({ key: r.pos, doc: r.doc })));
    const answers = new Map<string, RelationAttributes[]>(ids.map((id) => [id, []]));
    // `records` leaves out a large record no longer there (a new load between the statements): matched by id.
    let at = 0;
    for (const row of rows) {
      const record = records[at];
      if (record?.id !== row.id) continue;
      at++;
      answers.get(ids[row.k - 1] ?? '')?.push(record);
    }
    return answers;
  }
}
