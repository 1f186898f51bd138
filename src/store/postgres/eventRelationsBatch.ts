/**
 * Batching of `relationsOfEvent` (an event's roles and projections): every one asked while a batch is open with the
 * same `first` is answered by one statement, each event's relations cut at its own LIMIT in the database. "Who
 * rebuked whom" asks the projections of each of 100 rebukes: 100 statements became one or two. Round-trips, not
 * the database, were the cost: at 100,000 articles on the shared machine each took about 2 ms of the server's CPU
 * in `writev` alone. The batch window is EntityBatch's (entityBatch.ts).
 */
import type { RelationAttributes } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { BatchesByFilter } from './entityBatch.js';

interface EventRelationRow {
  readonly k: number; // the event's index in $1
  readonly pos: number;
  readonly doc: string | null;
}

/** For each event of $1, its relations in graph order, at most $2; `doc` the select-list item of a record over `r`. */
function eventRelationsSql(doc: string): string {
  return `SELECT f.k::int AS k, x.pos, x.doc FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (SELECT r.pos, ${doc} AS doc FROM newsgraph.relation r WHERE r.event = f.id ORDER BY r.pos LIMIT $2) x
  ORDER BY 1, 2`;
}

export class EventRelationsBatches {
  /** Events asked with the same `first` share one statement. */
  private readonly byFirst = new BatchesByFilter<RelationAttributes, number>((ids, first) => this.read(ids, first));

  /**
   * @param doc the select-list item of a record (over `r`)
   * @param records the records of rows read with `doc`, in their order (large ones through the store's cache)
   */
  constructor(
    private readonly db: Connections,
    private readonly doc: string,
    private readonly records: (rows: ReadonlyArray<{ readonly key: number; readonly doc: string | null }>) => Promise<RelationAttributes[]>,
  ) {}

  load(eventId: string, first: number): Promise<RelationAttributes[]> {
    return this.byFirst.load(eventId, String(first), first);
  }

  /** Each event's relations, in one statement sent now (no batch window): a list's items (recentLists.ts). */
  readAll(ids: string[], first: number): Promise<Map<string, RelationAttributes[]>> {
    return this.read(ids, first);
  }

  private async read(ids: string[], first: number): Promise<Map<string, RelationAttributes[]>> {
    const rows = await this.db.read<EventRelationRow>(eventRelationsSql(this.doc), [ids, first]);
    const records = await this.records(rows.map((r) => ({ key: r.pos, doc: r.doc })));
    const answers = new Map<string, RelationAttributes[]>(ids.map((id) => [id, []]));
    // In graph order per event (the rows' order); each relation names its event.
    for (const record of records) if (record.event !== undefined) answers.get(record.event)?.push(record);
    return answers;
  }
}
