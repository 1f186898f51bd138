/**
 * Pages of a large record's long lists longer than the head its slim copy keeps (listHeads.ts), cut in SQL: the
 * first `first` quotes of its `evidence`, or the first `first` of its articles in publication order, sent as one
 * small JSON array per record. PostgreSQL reads the list out of the stored record (`json` `->`, then
 * `json_array_elements`); node parses only the items the answer returns, never the whole record. Every such page
 * asked while a batch is open with the same list and `first` goes in one statement (entityBatch.ts).
 *
 * Cutting in SQL costs PostgreSQL a parse of the list's text (`pgmem` measured 115 to 260 ms for a 6.6 MB record's
 * plain read, and more when it is cut in parts): that is why it is only for pages past the head, which no playground
 * question asks; the head answers the default `first` of both lists with no statement at all.
 */
import type { Evidence } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { BatchesByFilter } from './entityBatch.js';

/** Which list of which table. */
export type SlicedList = 'entity evidence' | 'relation evidence' | 'entity articles' | 'relation articles';

/** For each record of $1 (by id), the first $2 items of the list, as one JSON array's text. */
function sliceSql(list: SlicedList): string {
  const [table, field] = list.split(' ') as ['entity' | 'relation', 'evidence' | 'articles'];
  const items =
    field === 'evidence'
      ? `SELECT json_agg(e.value ORDER BY e.k) FROM json_array_elements(t.doc->'evidence') WITH ORDINALITY AS e(value, k) WHERE e.k <= $2`
      : // Articles in publication order (the article table's pos), each once: an entity lists ids, a relation's evidence quotes them.
        `SELECT json_agg(p.id ORDER BY p.pos) FROM (SELECT a.id, a.pos FROM newsgraph.article a WHERE a.id IN (${
          table === 'entity' ? `SELECT json_array_elements_text(t.doc->'articles')` : `SELECT e->>'article' FROM json_array_elements(t.doc->'evidence') e`
        }) ORDER BY a.pos LIMIT $2) p`;
  return `SELECT t.id, (${items})::text AS list FROM newsgraph.${table} t WHERE t.id = ANY($1::text[])`;
}

export class ListSlices {
  private readonly byList = new BatchesByFilter<unknown, readonly [SlicedList, number]>((ids, [list, first]) => this.read(ids, list, first));

  constructor(private readonly db: Connections) {}

  /** The first `first` quotes of the record `id`'s evidence, in its order. */
  evidence(table: 'entity' | 'relation', id: string, first: number): Promise<Evidence[]> {
    return this.load(`${table} evidence`, id, first) as Promise<Evidence[]>;
  }

  /** The first `first` ids of the record `id`'s articles (an entity's, or those a relation quotes), in publication order. */
  articleIds(table: 'entity' | 'relation', id: string, first: number): Promise<string[]> {
    return this.load(`${table} articles`, id, first) as Promise<string[]>;
  }

  private load(list: SlicedList, id: string, first: number): Promise<unknown[]> {
    return this.byList.load(id, `${list} ${first}`, [list, first]);
  }

  private async read(ids: string[], list: SlicedList, first: number): Promise<Map<string, unknown[]>> {
    const rows = await this.db.read<{ id: string; list: string | null }>(sliceSql(list), [ids, first]);
    return new Map(rows.map((r) => [r.id, r.list === null ? [] : (JSON.parse(r.list) as unknown[])]));
  }
}
