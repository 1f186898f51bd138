/**
 * The relations the explorer draws among the entities it keeps (graph/explore.ts `exploreGraph`), over PostgreSQL,
 * reading about as many adjacency rows as the in-memory loop visits.
 *
 * The in-memory loop takes, for each kept entity in drawing order (its place), its relations in graph order whose
 * other end is drawn (kept, or drawn elsewhere: `connectTo`), each relation once, until the cap. A relation is met
 * first from its end drawn first, so the answer is: for each place p in order, the relations of entity p whose other
 * end's place is p or later, in graph order; the first cap + 1 of them.
 *
 * So the places are read in order, a batch per statement, each place's adjacency in graph order with the other end
 * tested against the ends drawn (a hashed `= ANY` list: the statement is planned for its values, `readPlanned`),
 * each place's read stopping at the relations still wanted. The place that fills the cap is usually the first or
 * second (the kept entities are those its first relations reach), so a view is usually one statement. Bounds,
 * for the places whose relations to the drawing are few among many (a hub whose neighbours were kept from another
 * hub's list): a place's first read stops after FIRST_SCAN rows, and a place left incomplete is read on pair by pair
 * (one descent of `adjacency_pair` per end drawn after it), or by a scan of its rest when that is shorter.
 *
 * Rejected: reading each end's relations whole and joining (the few-and-many split before: 31,775 rows read for a
 * view that drew from two places, 60-100 ms of a 200 ms view at 100,000 articles); a prepared statement for the
 * scan (its generic plan tests the end list element by element: 8 ms instead of 0.5 for the same 3,000 rows).
 */
import type { Connections } from './connections.js';
import { EDGE_BARE_COLUMNS, EDGE_COLUMNS, EDGE_RECORD, edgeOfRow, type EdgeFields, type EdgeRow } from './exploreRecords.js';

/** Rows a place's first read scans at most (a hub's relations to the drawing are found early, or are sparse). */
export const FIRST_SCAN = 4_096;
/** Rows one statement scans at most over its places (the first place always goes, whatever its bound). */
export const BATCH_ROWS = 5_000;
/**
 * Places per statement at most: the rows are bounded by BATCH_ROWS, so most of the 200 places of a view (a relation
 * or two each) go in one statement (at 64, a view whose cap is not reached read its last places in three or four).
 */
const BATCH_PLACES = 256;
/** One index descent (a pair look-up) costs about as much as scanning this many adjacency rows. */
const DESCENT_COST = 8;

/**
 * For each place $1 (read after relation $2, at most $3 rows scanned): its relations in graph order whose other end
 * is among $4 (the ends drawn from the batch's first place on) by a predicate of $5 (NULL: all), `hit`, at most
 * $6 - 1 of them, and the row where the scan stopped at its bound (`n` = $3), hit or not: so the reader knows where
 * to go on from. `n` counts the rows scanned. With each hit, the edge's fields (exploreRecords.ts): a view's
 * relations are usually all found by this one statement, their fields with them; `record`: with the fields only the
 * relation's record holds (EDGE_RECORD), else from the table's columns alone (EDGE_BARE_COLUMNS).
 */
function scanSql(record: boolean): string {
  return `SELECT f.k::int AS k, s.relation_pos, s.other, s.hit, s.n::int AS n, s.n = f.scan AS bound, ${record ? EDGE_COLUMNS : EDGE_BARE_COLUMNS}
  FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS f(id, after, scan, k)
  CROSS JOIN LATERAL (
    SELECT a.relation_pos, a.other, a.n, (a.other = ANY($4::text[]) AND ($5::text[] IS NULL OR a.predicate = ANY($5::text[]))) AS hit FROM (
      SELECT a.relation_pos, a.other, a.predicate, row_number() OVER (ORDER BY a.relation_pos) AS n FROM (
        SELECT relation_pos, other, predicate FROM newsgraph.adjacency a
        WHERE a.entity = f.id AND a.relation_pos > f.after ORDER BY a.relation_pos LIMIT f.scan) a) a
    WHERE (a.other = ANY($4::text[]) AND ($5::text[] IS NULL OR a.predicate = ANY($5::text[]))) OR a.n = f.scan
    ORDER BY a.relation_pos LIMIT $6) s
  LEFT JOIN newsgraph.relation r ON s.hit AND r.pos = s.relation_pos${record ? `
  LEFT JOIN LATERAL ${EDGE_RECORD} ON r.pos IS NOT NULL` : ''}`;
}
const SCAN_SQL = scanSql(true);
const SCAN_BARE_SQL = scanSql(false);

/**
 * For each place $1 (entity, read after relation $2, its place $3): its relations to the ends $4 whose place $5 is
 * its own or later, predicates $6 followed, in graph order, at most $7: one descent of `adjacency_pair` per end (each
 * cut at $7, so that two hubs' thousands of shared relations are not read whole), merged. When $8, the first place's
 * relations come with the edge's fields as SCAN_SQL reads them (`record` as there): the reader asks it when that place
 * is the first one still open, so that all of them are drawn, and they need no statement of their own afterwards
 * (the other places' relations may not be drawn: their fields are read at the end, when they are).
 */
function pairsSql(record: boolean): string {
  return `SELECT m.k::int AS k, p.relation_pos, ${record ? EDGE_COLUMNS : EDGE_BARE_COLUMNS}
  FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS m(id, after, place, k)
  CROSS JOIN LATERAL (
    SELECT q.relation_pos FROM unnest($4::text[], $5::int[]) AS o(id, place)
    CROSS JOIN LATERAL (
      SELECT relation_pos FROM newsgraph.adjacency a
      WHERE a.entity = m.id AND a.other = o.id AND a.relation_pos > m.after AND ($6::text[] IS NULL OR a.predicate = ANY($6))
      ORDER BY a.relation_pos LIMIT $7) q
    WHERE o.place >= m.place
    ORDER BY q.relation_pos LIMIT $7) p
  LEFT JOIN newsgraph.relation r ON $8::boolean AND m.k = 1 AND r.pos = p.relation_pos${record ? `
  LEFT JOIN LATERAL ${EDGE_RECORD} ON r.pos IS NOT NULL` : ''}`;
}
const PAIRS_SQL = pairsSql(true);
const PAIRS_BARE_SQL = pairsSql(false);

interface ScanRow extends Partial<EdgeRow> {
  k: number;
  relation_pos: number;
  other: string;
  hit: boolean;
  n: number;
  bound: boolean;
}

/** What is known of one place: its drawn relations found so far (a prefix, in graph order), and where reading stopped. */
interface PlaceRead {
  readonly found: number[];
  /** Relations after this position are not read yet. */
  after: number;
  /** Rows scanned so far. */
  scanned: number;
  complete: boolean;
}

/** How a place is read next: its rows scanned (at most `rows`), or pair by pair. */
export type PlaceReadMode = { readonly kind: 'scan'; readonly rows: number } | { readonly kind: 'pairs' };

/**
 * How to read on a place of `degree` relations, `scanned` of them read, when `wanted` more relations are wanted and
 * `endsAfter` ends are drawn at its place or later: first FIRST_SCAN rows (all of a short list); then, the rest when
 * it is short, else pair by pair. A density measured on the first rows does not tell the next ones (a hub's
 * relations to the drawing crowd its first rows, where the kept entities were met): scans grown by that estimate
 * went on 20 statements for one view.
 */
export function nextRead(scanned: number, degree: number, wanted: number, endsAfter: number): PlaceReadMode {
  const left = Math.max(0, degree - scanned);
  if (scanned === 0) return { kind: 'scan', rows: Math.max(1, left <= FIRST_SCAN * 1.25 ? left : FIRST_SCAN) };
  if (left <= 2 * (DESCENT_COST * endsAfter + wanted)) return { kind: 'scan', rows: Math.max(1, left) };
  return { kind: 'pairs' };
}

/**
 * The relations drawn: their positions in drawing order, at most `maxEdges`, whether the cap left some out, and the
 * fields of those read by a scan (the others: `edgeFields`).
 * `degrees`: relations per kept entity (the entity table's `degree`), which bound each place's reads.
 */
export async function edgesAmong(
  db: Connections,
  view: {
    readonly kept: readonly string[];
    readonly connectTo: readonly string[];
    readonly degrees: ReadonlyMap<string, number>;
    readonly followed: ReadonlySet<string> | null;
    readonly maxEdges: number;
    /** Whether the edges' fields held only by the records are wanted (exploreRecords.ts RECORD_EDGE_FIELDS). */
    readonly record: boolean;
  },
): Promise<{ positions: number[]; truncated: boolean; fields: Map<number, EdgeFields> }> {
  const { kept, degrees, maxEdges } = view;
  const fields = new Map<number, EdgeFields>();
  const ends = [...new Set([...kept, ...view.connectTo])];
  // Places: the kept entities' in drawing order, then the other ends' (whose relations are drawn from a kept end).
  const place = new Map(ends.map((id, i) => [id, i]));
  const predicates = view.followed === null ? null : [...view.followed];
  const reads: PlaceRead[] = kept.map(() => ({ found: [], after: -1, scanned: 0, complete: false }));
  const need = maxEdges + 1;
  const positions: number[] = [];
  let cursor = 0;
  for (;;) {
    // The places read whole, in order; then the first one read in part, if it already holds what is wanted.
    while (cursor < kept.length && positions.length < need && reads[cursor]?.complete === true) {
      for (const pos of reads[cursor]?.found ?? []) if (positions.length < need) positions.push(pos);
      cursor++;
    }
    const open = reads[cursor];
    if (open === undefined || positions.length >= need) break;
    if (open.found.length >= need - positions.length) {
      positions.push(...open.found.slice(0, need - positions.length));
      break;
    }
    const scans: Array<{ at: number; rows: number }> = [];
    const pairs: number[] = [];
    let rows = 0;
    for (let at = cursor; at < kept.length && scans.length + pairs.length < BATCH_PLACES; at++) {
      const read = reads[at];
      if (read === undefined || read.complete) continue;
      const wanted = need - positions.length - read.found.length;
      const mode = nextRead(read.scanned, degrees.get(kept[at] ?? '') ?? 0, wanted, ends.length - at);
      const cost = mode.kind === 'scan' ? mode.rows : DESCENT_COST * (ends.length - at);
      if (at > cursor && rows + cost > BATCH_ROWS) break;
      rows += cost;
      if (mode.kind === 'scan') scans.push({ at, rows: mode.rows });
      else pairs.push(at);
    }
    const wanted = need - positions.length;
    await Promise.all([
      scans.length === 0 ? undefined : scanPlaces(db, scans, { kept, ends, place, reads, predicates, cursor, wanted, degrees, fields, record: view.record }),
      pairs.length === 0 ? undefined : pairPlaces(db, pairs, { kept, ends, reads, predicates, wanted, firstIsOpen: pairs[0] === cursor, fields, record: view.record }),
    ]);
  }
  return { positions: positions.slice(0, maxEdges), truncated: positions.length > maxEdges, fields };
}

async function scanPlaces(
  db: Connections,
  scans: ReadonlyArray<{ readonly at: number; readonly rows: number }>,
  state: {
    readonly kept: readonly string[];
    readonly ends: readonly string[];
    readonly place: ReadonlyMap<string, number>;
    readonly reads: PlaceRead[];
    readonly predicates: string[] | null;
    readonly cursor: number;
    readonly wanted: number;
    readonly degrees: ReadonlyMap<string, number>;
    readonly fields: Map<number, EdgeFields>;
    readonly record: boolean;
  },
): Promise<void> {
  const { kept, place, reads, cursor, wanted } = state;
  // Each place needs at most `wanted` relations; one row more for the row where a scan stops at its bound.
  const limit = wanted + 1;
  const rows = await db.readPlanned<ScanRow>(state.record ? SCAN_SQL : SCAN_BARE_SQL, [
    scans.map((s) => kept[s.at]),
    scans.map((s) => reads[s.at]?.after ?? -1),
    scans.map((s) => s.rows),
    state.ends.slice(cursor),
    state.predicates,
    limit,
  ]);
  const byPlace = new Map<number, ScanRow[]>();
  for (const row of rows) {
    const list = byPlace.get(row.k) ?? [];
    list.push(row);
    byPlace.set(row.k, list);
  }
  scans.forEach((scan, i) => {
    const read = reads[scan.at];
    if (read === undefined) return;
    const own = byPlace.get(i + 1) ?? [];
    let scannedHere = 0;
    let bound = false;
    for (const row of own) {
      // A relation to an end drawn before this place was taken from that end.
      if (row.hit && (place.get(row.other) ?? -1) >= scan.at) {
        read.found.push(row.relation_pos);
        if (row.id !== undefined && row.id !== null) state.fields.set(row.relation_pos, edgeOfRow(row as EdgeRow));
      }
      read.after = row.relation_pos;
      scannedHere = row.n;
      bound ||= row.bound;
    }
    read.scanned += bound ? scan.rows : scannedHere;
    const cut = own.length >= limit;
    // Read to the end: fewer rows than asked and the bound not reached, or every relation scanned.
    if (!cut && (!bound || read.scanned >= (state.degrees.get(kept[scan.at] ?? '') ?? Number.POSITIVE_INFINITY))) read.complete = true;
  });
}

async function pairPlaces(
  db: Connections,
  at: readonly number[],
  state: {
    readonly kept: readonly string[];
    readonly ends: readonly string[];
    readonly reads: PlaceRead[];
    readonly predicates: string[] | null;
    readonly wanted: number;
    /** Whether the first place is the first one still open (its relations found are all drawn: read with their fields). */
    readonly firstIsOpen: boolean;
    readonly fields: Map<number, EdgeFields>;
    readonly record: boolean;
  },
): Promise<void> {
  const { kept, ends, reads, wanted } = state;
  const rows = await db.read<Partial<EdgeRow> & { k: number; relation_pos: number }>(state.record ? PAIRS_SQL : PAIRS_BARE_SQL, [
    at.map((i) => kept[i]),
    at.map((i) => reads[i]?.after ?? -1),
    at,
    ends,
    ends.map((_, i) => i),
    state.predicates,
    wanted,
    state.firstIsOpen,
  ]);
  const found = at.map(() => [] as number[]);
  for (const row of rows) {
    found[row.k - 1]?.push(row.relation_pos);
    if (row.id !== undefined && row.id !== null) state.fields.set(row.relation_pos, edgeOfRow(row as EdgeRow));
  }
  at.forEach((i, j) => {
    const read = reads[i];
    // In graph order (the join with the relations may hand them in another).
    const own = (found[j] ?? []).sort((a, b) => a - b);
    if (read === undefined) return;
    read.found.push(...own);
    const last = own[own.length - 1];
    if (last !== undefined) read.after = last;
    // Fewer than asked: every drawn relation of this place is read.
    if (own.length < wanted) read.complete = true;
  });
}
