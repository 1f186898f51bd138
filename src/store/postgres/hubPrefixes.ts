/**
 * The explorer's count (`reachable`) when the count budget runs out inside one hub's list, answered from what the
 * store keeps of that hub instead of by reading and hashing up to COUNT_BUDGET (25,000) adjacency rows.
 *
 * Once the view's entities are kept, the in-memory loop (rings.ts) goes on over the ring's relations, counting the
 * entities it has not seen, and stops after COUNT_BUDGET relations visited. At 100,000 articles a view's ring
 * usually holds hubs, and in about half of the views the budget runs out inside the first of them, X, the one whose
 * relations filled the view: the loop then visits X's first N rows (N = the rows read while keeping, `read`, plus the
 * budget left). Every entity the rows before `read` reach is already seen (the loop adds each one it meets while
 * keeping), so the count is
 *
 *   seen + (distinct entities of X's first N rows) − (seen entities among them).
 *
 * The first term is known; the second follows from X's list alone, so it is kept per hub: the positions of X's first
 * rows and the positions where an entity is met for the first time in X's list (a binary search gives how many fall
 * at or before the N-th row); the third is one index descent (`adjacency_pair`) per seen entity, at most `limit`.
 * One statement of a few hundred descents instead of 25,000 rows hashed twice (an anti-join, then a hash aggregate:
 * 15-60 ms a view at 100,000 articles, under load, the largest statement of a view around hubs).
 *
 * A hub's list is written at load (hubLists.ts, the `hub_list` table): a hub not kept yet is one row read by primary
 * key, at its first view as at the next ones. Kept per corpus (cleared when another load is served, and keyed by the
 * corpus identity), within MAX_BYTES, the least recently used let go first.
 *
 * Not used when the budget runs out across several entities of similar size (the count of a union, which no
 * per-entity figure gives), when a predicate filter applies (the rows counted are then not the rows visited), for an
 * entity under HUB_DEGREE relations (no list), or past the LISTED_ROWS kept.
 */
import type { Connections } from './connections.js';
import { HUB_DEGREE, HUB_ENTRY_SQL } from './hubLists.js';

/** The heap all kept hubs may take together (8 bytes a row at most: 32 hubs of LISTED_ROWS rows). */
const MAX_BYTES = 8 * 1024 * 1024;

/** What is kept of one hub's list (its adjacency rows in graph order). */
export interface HubPrefix {
  readonly degree: number;
  /** The relation positions of its first rows, in graph order. */
  readonly positions: Int32Array;
  /** Ascending: the positions among those where an entity is met for the first time in its list. */
  readonly firsts: Int32Array;
}

/**
 * How many entities of $2 have a relation with $1 at or before position $3: one descent of `adjacency_pair` each (a
 * LATERAL with LIMIT 1, which a generic plan cannot turn into a hash of the hub's whole list, as it did with an
 * EXISTS: docs/design-choices.md, `pgconnect`).
 */
const SEEN_SQL = `SELECT count(*)::int AS seen FROM unnest($2::text[]) AS s(id)
  CROSS JOIN LATERAL (SELECT 1 FROM newsgraph.adjacency a WHERE a.entity = $1 AND a.other = s.id AND a.relation_pos <= $3 LIMIT 1) x`;

/**
 * When the loop visits other entities' relations beside the hub's rows ($1, each after relation $2 and at most $6 of
 * its rows): the entities they reach that $3 does not hold (a hash of their rows: few, or this path is not taken),
 * how many of those the hub $4 reaches at or before position $5 (a descent each), and how many of $3 it does.
 */
const BESIDE_SQL = `WITH s AS MATERIALIZED (
    SELECT DISTINCT a.other FROM unnest($1::text[], $2::int[], $6::int[]) AS f(id, after, rows)
    CROSS JOIN LATERAL (
      SELECT other FROM newsgraph.adjacency a WHERE a.entity = f.id AND a.relation_pos > f.after ORDER BY a.relation_pos LIMIT f.rows) a
    WHERE NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS x(id) WHERE x.id = a.other))
  SELECT (SELECT count(*)::int FROM s) AS fresh,
    (SELECT count(*)::int FROM s CROSS JOIN LATERAL (
      SELECT 1 FROM newsgraph.adjacency p WHERE p.entity = $4 AND p.other = s.other AND p.relation_pos <= $5 LIMIT 1) x) AS within,
    (SELECT count(*)::int FROM unnest($3::text[]) AS t(id) CROSS JOIN LATERAL (
      SELECT 1 FROM newsgraph.adjacency p WHERE p.entity = $4 AND p.other = t.id AND p.relation_pos <= $5 LIMIT 1) y) AS seen`;

/** Entities whose rows the loop visits beside a hub's: each after a relation, at most so many rows. */
export interface Beside {
  readonly entities: readonly string[];
  readonly afters: readonly number[];
  readonly rows: readonly number[];
}

/** Big-endian int4s (written ascending by the load: hubLists.ts). */
function int32s(bytes: Buffer): Int32Array {
  const out = new Int32Array(bytes.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readInt32BE(i * 4);
  return out;
}

/** An entity's degree and, for a hub, its list (hubLists.ts). */
export interface HubEntry {
  readonly degree: number;
  readonly prefix?: HubPrefix;
}

/** How many of the ascending `values` are at most `max`. */
export function countAtMost(values: Int32Array, max: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? 0) <= max) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The hubs' lists kept for the count, per corpus. */
export class HubPrefixes {
  private readonly kept = new Map<string, HubPrefix>();
  private bytes = 0;
  private corpus: string | undefined;
  /** Entries read (a statement each: hubs not kept, and the first entities of counts that are not hubs), for tests. */
  reads = 0;

  /** Lets everything go (another corpus is served). */
  clear(): void {
    this.kept.clear();
    this.bytes = 0;
  }

  /**
   * The degree of `id` and, when it is a hub (HUB_DEGREE relations or more), its list: kept, or one row read by
   * primary key (then kept). Undefined for an unknown id.
   */
  async entry(db: Connections, corpus: string, id: string): Promise<HubEntry | undefined> {
    const prefix = this.get(corpus, id);
    if (prefix !== undefined) return { degree: prefix.degree, prefix };
    this.reads++;
    const [row] = await db.read<{ degree: number; positions: Buffer | null; firsts: Buffer | null }>(HUB_ENTRY_SQL, [id]);
    if (row === undefined) return undefined;
    if (row.positions === null || row.firsts === null) return { degree: row.degree };
    const read: HubPrefix = { degree: row.degree, positions: int32s(row.positions), firsts: int32s(row.firsts) };
    this.keep(corpus, id, read);
    return { degree: row.degree, prefix: read };
  }

  /** The kept prefix of `id` in corpus `corpus` (its identity), most recently used from now on. */
  get(corpus: string, id: string): HubPrefix | undefined {
    if (corpus !== this.corpus) {
      this.clear();
      this.corpus = corpus;
    }
    const prefix = this.kept.get(id);
    if (prefix !== undefined) {
      this.kept.delete(id);
      this.kept.set(id, prefix);
    }
    return prefix;
  }

  private keep(corpus: string, id: string, prefix: HubPrefix): void {
    if (corpus !== this.corpus) return;
    const size = (prefix.positions.length + prefix.firsts.length) * 4;
    if (size > MAX_BYTES) return;
    const old = this.kept.get(id);
    if (old !== undefined) {
      this.kept.delete(id);
      this.bytes -= (old.positions.length + old.firsts.length) * 4;
    }
    for (const [key, value] of this.kept) {
      if (this.bytes + size <= MAX_BYTES) break;
      this.kept.delete(key);
      this.bytes -= (value.positions.length + value.firsts.length) * 4;
    }
    this.kept.set(id, prefix);
    this.bytes += size;
  }

  /**
   * The entities not in `seen` that the first `rows` rows of hub `id` (of `degree` rows) reach, counted; null when
   * the hub has no list (fewer than HUB_DEGREE relations: the caller counts in SQL) or `rows` passes what it holds.
   * `beside`: entities whose rows the loop visits too (before or after the hub's); their entities not in `seen` are
   * counted too, and those the hub's rows reach counted once.
   */
  async unseenWithin(
    db: Connections,
    corpus: string,
    hub: { readonly id: string; readonly degree: number },
    rows: number,
    seen: readonly string[],
    beside: Beside = { entities: [], afters: [], rows: [] },
  ): Promise<number | null> {
    if (rows > hub.degree) return null;
    let prefix: HubPrefix | undefined;
    if (rows > 0) {
      if (hub.degree < HUB_DEGREE) return null;
      prefix = (await this.entry(db, corpus, hub.id))?.prefix;
      // Not a hub of this corpus's (a load switched under the read), or a prefix too short: count in SQL.
      if (prefix === undefined || prefix.degree !== hub.degree || prefix.positions.length < rows) return null;
    }
    // The hub's last row visited (none: -1, before every relation).
    const cut = prefix === undefined ? -1 : (prefix.positions[rows - 1] ?? 0);
    const distinct = prefix === undefined ? 0 : countAtMost(prefix.firsts, cut);
    if (beside.entities.length > 0) {
      const [row] = await db.read<{ fresh: number; within: number; seen: number }>(BESIDE_SQL, [
        beside.entities,
        beside.afters,
        seen,
        hub.id,
        cut,
        beside.rows,
      ]);
      return (row?.fresh ?? 0) + distinct - (row?.within ?? 0) - (row?.seen ?? 0);
    }
    if (rows <= 0) return 0;
    const [row] = await db.read<{ seen: number }>(SEEN_SQL, [hub.id, seen, cut]);
    return distinct - (row?.seen ?? 0);
  }
}
