/**
 * Reading the relations around a ring of entities in the order the in-memory traversals read them (the ring's
 * order, then each entity's relations in graph order), a bounded chunk per round-trip, so a traversal that stops
 * early (a neighbourhood reaching its limit, the explorer filling its view) reads only about what it uses, and a
 * hub of the corpus is never read whole in one answer. Bounded per hop: each query looks at a window of ring
 * entities and returns at most a chunk of rows (ScanSize), the first chunk small when few rows are needed.
 */
import type { Connections } from './connections.js';

export interface AdjacencyRow {
  /** The ring entity the relation is read from. */
  readonly from: string;
  /** Its index in the ring. */
  readonly ringIndex: number;
  readonly relationPos: number;
  /** The entity at the far end (itself for a self-loop). */
  readonly other: string;
  readonly predicate: string;
  readonly negated: boolean;
  readonly traversable: boolean;
}

/** How much one round-trip reads: ring entities per query, and rows per query at most. */
export interface ScanSize {
  readonly window: number;
  readonly chunk: number;
  /** Rows of the first query, doubled at each next one up to `chunk` (a traversal that needs few reads few). */
  readonly firstChunk?: number;
}

/** Small reads starting at about `rows` rows: for a traversal that stops once it has found that many entities. */
export function readsFor(rows: number): ScanSize {
  return { ...SMALL_READS, firstChunk: Math.min(SMALL_READS.chunk, Math.max(32, rows)) };
}

/** For traversals that usually stop early (a neighbourhood's limit): small reads. */
export const SMALL_READS: ScanSize = { window: 100, chunk: 1_000 };

/** An extra condition on `a` (the adjacency row), with its parameters numbered from $4. */
export interface AdjacencyFilter {
  readonly sql: string;
  readonly values: readonly unknown[];
}

const NO_FILTER: AdjacencyFilter = { sql: 'true', values: [] };

// The first entity's relations after $2 as an index condition (a bound of the index range), not a filter: as a
// filter `(k > 1 OR relation_pos > $2)` made each chunk of a hub read again every row before it (a hub of 12,000
// relations read in 13 chunks: 78,000 index entries for 12,000).
function scanSql(filter: string): string {
  return `SELECT f.k::int AS k, a.relation_pos, a.other, a.predicate, a.negated, a.traversable
    FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
    CROSS JOIN LATERAL (
      SELECT relation_pos, other, predicate, negated, traversable FROM newsgraph.adjacency a
      WHERE a.entity = f.id AND a.relation_pos > CASE WHEN f.k = 1 THEN $2::int ELSE -1 END AND (${filter})
      ORDER BY a.relation_pos LIMIT $3) a
    ORDER BY f.k, a.relation_pos LIMIT $3`;
}

interface ScanRow {
  k: number;
  relation_pos: number;
  other: string;
  predicate: string;
  negated: boolean;
  traversable: boolean;
}

/** The relations around each of `ring`, in order; stop iterating to stop reading. */
export async function* scanAdjacency(db: Connections, ring: readonly string[], filter: AdjacencyFilter = NO_FILTER, size: ScanSize = SMALL_READS): AsyncGenerator<AdjacencyRow> {
  const { window: WINDOW } = size;
  const sql = scanSql(filter.sql);
  let start = 0; // index in `ring` of the entity being read
  let afterPos = -1; // its relations already read end here
  let CHUNK = size.firstChunk ?? size.chunk;
  while (start < ring.length) {
    const window = ring.slice(start, start + WINDOW);
    const rows = await db.read<ScanRow>(sql, [window, afterPos, CHUNK, ...filter.values]);
    for (const row of rows) {
      yield {
        from: window[row.k - 1] ?? '',
        ringIndex: start + row.k - 1,
        relationPos: row.relation_pos,
        other: row.other,
        predicate: row.predicate,
        negated: row.negated,
        traversable: row.traversable,
      };
    }
    const last = rows[rows.length - 1];
    if (rows.length < CHUNK || last === undefined) {
      // The window is read to its end.
      start += window.length;
      afterPos = -1;
    } else {
      start += last.k - 1;
      afterPos = last.relation_pos;
    }
    CHUNK = Math.min(size.chunk, CHUNK * 2);
  }
}
