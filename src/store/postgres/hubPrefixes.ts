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
 * A hub not yet kept is read once (its first rows, a hash aggregate over them: about the cost of the count it
 * replaces), which answers the view at hand too: the statement also says where each seen entity first appears.
 * Kept per corpus (cleared when another load is served, and keyed by the corpus identity), within MAX_BYTES,
 * the least recently used let go first.
 *
 * Not used when the budget runs out across several entities (the count of a union, which no per-entity figure
 * gives), when a predicate filter applies (the rows counted are then not the rows visited), or past MAX_ROWS.
 */
import type { Connections } from './connections.js';

/** At most this many rows of a hub are kept (a view's loop visits at most COUNT_BUDGET rows of the hub it stops in). */
export const MAX_ROWS = 65_536;
/** First entities remembered as met once, at most (then forgotten all together). */
const MAX_ASKED = 16_384;
/** The heap all kept hubs may take together (8 bytes a row at most: 256 hubs of 32,768 rows). */
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
 * A hub's first $2 rows: their positions and the positions of each entity's first row, as big-endian int4 bytes (200
 * KB of text parsed as arrays cost the server more than the statement), sorted by the server (an aggregate's ORDER BY
 * sorted 25,000 rows twice: 1.4 times a count's cost, not 1.0); and where each entity of $3 first appears in the
 * hub's list (one descent of `adjacency_pair` each). Two index-only scans of the same rows cost less than one
 * materialized for both.
 */
const PREFIX_SQL = `SELECT
    (SELECT string_agg(int4send(relation_pos), ''::bytea) FROM (
      SELECT relation_pos FROM newsgraph.adjacency WHERE entity = $1 ORDER BY relation_pos LIMIT $2) r) AS positions,
    (SELECT string_agg(int4send(pos), ''::bytea) FROM (
      SELECT min(relation_pos) AS pos FROM (
        SELECT relation_pos, other FROM newsgraph.adjacency WHERE entity = $1 ORDER BY relation_pos LIMIT $2) r
      GROUP BY other) f) AS firsts,
    (SELECT coalesce(array_agg(x.pos), '{}') FROM unnest($3::text[]) AS s(id) CROSS JOIN LATERAL (
      SELECT relation_pos AS pos FROM newsgraph.adjacency a WHERE a.entity = $1 AND a.other = s.id ORDER BY relation_pos LIMIT 1) x) AS seen_at`;

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

/** Big-endian int4s, sorted (numerically: a typed array's sort). */
function sortedInt32s(bytes: Buffer | null): Int32Array {
  const out = new Int32Array(bytes === null ? 0 : bytes.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes?.readInt32BE(i * 4) ?? 0;
  return out.sort();
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
  /** Hubs read (a statement each), for tests. */
  reads = 0;

  /** First entities of a count's rest met once and not kept (a hub is read at its second view: `worthReading`). */
  private readonly askedOnce = new Set<string>();

  /** Lets everything go (another corpus is served). */
  clear(): void {
    this.kept.clear();
    this.askedOnce.clear();
    this.bytes = 0;
  }

  /**
   * Whether a count whose rest starts at `id` should be answered from a hub's list: yes when `id` is kept, or when a
   * count started there before; the first time, no (counted in SQL as before, without waiting for the degrees), since
   * reading a hub's list costs about a count and pays only when the hub comes again: at the bench's 100 views over the
   * corpus, 36 hubs, most of them once.
   */
  worthReading(id: string): boolean {
    if (this.kept.has(id) || this.askedOnce.has(id)) return true;
    if (this.askedOnce.size >= MAX_ASKED) this.askedOnce.clear();
    this.askedOnce.add(id);
    return false;
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
   * `rows` passes MAX_ROWS (the caller counts in SQL). A hub not kept yet is read `atLeast` rows far (the count
   * budget: a view's loop visits at most that many rows of the hub it stops in, since it visited those read while
   * keeping), so that the next view that stops inside it finds it kept.
   * `beside`: entities whose rows the loop visits too (before or after the hub's); their entities not in `seen` are
   * counted too, and those the hub's rows reach counted once.
   */
  async unseenWithin(
    db: Connections,
    corpus: string,
    hub: { readonly id: string; readonly degree: number },
    rows: number,
    seen: readonly string[],
    atLeast: number,
    beside: Beside = { entities: [], afters: [], rows: [] },
  ): Promise<number | null> {
    if (rows > MAX_ROWS || rows > hub.degree) return null;
    let prefix: HubPrefix | undefined;
    let seenAt: readonly number[] | undefined;
    if (rows > 0) {
      prefix = this.get(corpus, hub.id);
      if (prefix === undefined || prefix.positions.length < rows) {
        this.reads++;
        const [row] = await db.read<{ positions: Buffer | null; firsts: Buffer | null; seen_at: number[] }>(PREFIX_SQL, [
          hub.id,
          Math.min(hub.degree, MAX_ROWS, Math.max(rows, atLeast)),
          beside.entities.length === 0 ? seen : [],
        ]);
        prefix = { degree: hub.degree, positions: sortedInt32s(row?.positions ?? null), firsts: sortedInt32s(row?.firsts ?? null) };
        // Fewer rows than the degree says: not this corpus's list (a load switched under the read); count in SQL.
        if (prefix.positions.length < rows) return null;
        this.keep(corpus, hub.id, prefix);
        seenAt = beside.entities.length === 0 ? (row?.seen_at ?? []) : undefined;
      }
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
    if (seenAt !== undefined) return distinct - seenAt.filter((pos) => pos <= cut).length;
    if (rows <= 0) return 0;
    const [row] = await db.read<{ seen: number }>(SEEN_SQL, [hub.id, seen, cut]);
    return distinct - (row?.seen ?? 0);
  }
}
