/**
 * "Did you mean" for the PostgreSQL store: the ids near a mistyped one among those `suggestions` scans (the first
 * MAX_CANDIDATES_SCANNED in graph order, from the narrow `reach` table), without measuring the edit distance to
 * each: an id can only be suggested when one contains the other or when its edit distance is within the threshold,
 * and that distance is at least the number of characters of the longer string that the other's characters cannot
 * match (an edit matches at most one more: stronger than src/store/memory/similarIds.ts's half of all the
 * unmatched ones, and it lets 1,553 of 50,000 ids through for "jonas-gahr-store" instead of 3,781).
 *
 * The candidates and their character counts are read once per corpus (`NearIds`, keyed by the corpus identity) and
 * kept: about 50,000 ids at 100,000 articles, some 5 MB of heap. Reading them on every unknown id (one statement of
 * 50,000 ids, JSON-parsed, then counted) was most of the playground's HowAreTheyConnected as written (an id not in
 * the corpus): 30 to 50 ms of its 47 to 49.
 */
import { MAX_CANDIDATES_SCANNED, MAX_SUGGESTED_INPUT, suggestions } from '../../didYouMean.js';
import type { Connections } from './connections.js';

/** Characters are counted in this many buckets (code unit modulo): merging counts only lowers the bound. */
const BUCKETS = 64;

/** Candidate ids with what the bound needs, computed once. */
export interface CandidateTable {
  readonly ids: readonly string[];
  readonly lowered: readonly string[];
  /** BUCKETS counts per id (saturating at 255: only ids longer than any suggestible one reach it). */
  readonly counts: Uint8Array;
}

export function candidateTable(ids: readonly string[]): CandidateTable {
  const lowered = ids.map((id) => id.toLowerCase());
  const counts = new Uint8Array(ids.length * BUCKETS);
  lowered.forEach((other, i) => {
    for (let k = 0; k < other.length; k++) {
      const at = i * BUCKETS + (other.charCodeAt(k) % BUCKETS);
      if ((counts[at] ?? 0) < 255) counts[at] = (counts[at] ?? 0) + 1;
    }
  });
  return { ids, lowered, counts };
}

/** Rows of the distance table, reused between calls (ids are short: MAX_SUGGESTED_INPUT bounds the input). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The edit distance of `a` and `b` when it is ≤ `bound`, else some number > `bound` (didYouMean.ts
 * `boundedEditDistance`, same values), without allocating: only the cells within `bound` of the diagonal can
 * hold a distance ≤ `bound`, so the others are not computed (Ukkonen's band).
 */
export function bandedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (!Number.isFinite(bound)) bound = Math.max(a.length, b.length);
  const width = b.length + 1;
  if (previousRow.length < width) {
    previousRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
  }
  let previous = previousRow;
  let current = currentRow;
  const outside = bound + 1;
  for (let j = 0; j < width; j++) previous[j] = j <= bound ? j : outside;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - bound);
    const high = Math.min(b.length, i + bound);
    current[0] = i <= bound ? i : outside;
    if (low > 1) current[low - 1] = outside;
    let rowMinimum = current[0] ?? outside;
    const code = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const substitution = (previous[j - 1] ?? outside) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      let value = Math.min((previous[j] ?? outside) + 1, (current[j - 1] ?? outside) + 1, substitution);
      if (value > outside) value = outside;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (high < b.length) current[high + 1] = outside;
    // Every later row is at least this row's minimum: past the bound, stop.
    if (rowMinimum > bound) return outside;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length] ?? outside;
}

/**
 * `suggestions(input, table.ids)`, the same ids in the same order, with fewer distances measured: once three
 * candidates are within some distance, a candidate farther than the third of them cannot be suggested, so the
 * bound each later candidate is measured against (length, character counts, then the edit distance itself, which
 * stops past it) tightens from the threshold to that distance. The survivors go to `suggestions`, which ranks them.
 */
export function nearestIn(table: CandidateTable, input: string): string[] {
  if (input.length > MAX_SUGGESTED_INPUT) return [];
  const { ids, lowered, counts } = table;
  const folded = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(folded.length * 0.4)); // as suggestions() decides
  const mine = new Int32Array(BUCKETS);
  for (let k = 0; k < folded.length; k++) {
    const b = folded.charCodeAt(k) % BUCKETS;
    mine[b] = (mine[b] ?? 0) + 1;
  }
  const used = [...new Set(Array.from(folded, (_, k) => folded.charCodeAt(k) % BUCKETS))];
  const scored: Array<{ readonly candidate: string; readonly distance: number }> = [];
  /** The three smallest distances scored so far, ascending. */
  const best: number[] = [];
  let bound = threshold;
  for (let i = 0; i < ids.length; i++) {
    const other = lowered[i] ?? '';
    // One contains the other (as suggestions() tests it: the longer can only contain the shorter).
    const contains = folded.length >= 3 && (other.length >= folded.length ? other.includes(folded) : folded.includes(other));
    let distance: number;
    if (contains) distance = bandedEditDistance(folded, other, Number.POSITIVE_INFINITY);
    else {
      if (Math.abs(other.length - folded.length) > bound) continue;
      let common = 0;
      for (const b of used) common += Math.min(mine[b] ?? 0, counts[i * BUCKETS + b] ?? 0);
      // Characters of the longer without a match in the other: each edit matches at most one of them.
      if (Math.max(folded.length, other.length) - common > bound) continue;
      distance = bandedEditDistance(folded, other, bound);
      if (distance > bound) continue;
    }
    scored.push({ candidate: ids[i] ?? '', distance });
    if (best.length < 3 || distance < (best[2] ?? 0)) {
      best.push(distance);
      best.sort((x, y) => x - y);
      if (best.length > 3) best.pop();
      if (best.length === 3) bound = Math.min(threshold, best[2] ?? threshold);
    }
  }
  const cut = best.length === 3 ? (best[2] ?? 0) : Number.POSITIVE_INFINITY;
  return suggestions(input, scored.filter((s) => s.distance <= cut).map((s) => s.candidate));
}

/** Whether this process has measured a typo over a table yet (compileOnce). */
let compiled = false;

/**
 * Measures one made-up typo (a candidate from the middle of the table with its last two characters changed: every
 * bound and the edit distance are exercised) the first time this process builds a table. Why: at 100,000 articles the
 * first two unknown ids a server was asked took 120 to 330 ms each under load against 4 to 20 ms later, V8 compiling
 * nearestIn's loop over 50,000 candidates while it ran (measured in a script: 61-130 ms then 23-80 ms for the first
 * two, 4-10 ms from the fourth; after one such typo, 4-9 ms from the first). The table is built at the server's
 * warm-up (src/api/server.ts) or after a load, so no client waits for this.
 */
function compileOnce(table: CandidateTable): void {
  if (compiled || table.ids.length === 0) return;
  compiled = true;
  const middle = table.ids[Math.floor(table.ids.length / 2)] ?? '';
  nearestIn(table, `${middle.slice(0, -2)}~~`);
}

/** The candidate ids of the corpus served, read and counted once per corpus (identity). */
export class NearIds {
  private kept: { readonly identity: string; readonly table: Promise<CandidateTable> } | undefined;
  private reads = 0;

  constructor(private readonly db: Connections) {}

  /** Times the candidates were read from the database (for tests: once per corpus). */
  get readCount(): number {
    return this.reads;
  }

  /** Up to three ids close to `id`, best first: `suggestions` over the ids it scans, the same answer, measured for fewer. */
  async near(id: string, identity: string): Promise<string[]> {
    if (id.length > MAX_SUGGESTED_INPUT) return [];
    return nearestIn(await this.table(identity), id);
  }

  /**
   * The corpus served changed (a new load): when this store has answered "did you mean" before, the new corpus's
   * candidates are read now, in the background, so that the first unknown id after the load does not wait for them
   * (one statement of 50,000 ids, parsed and counted: 25 to 150 ms at 100,000 articles under load). A store that
   * never did reads none. `identity` is the new corpus's.
   */
  corpusChanged(identity: () => Promise<string>): void {
    if (this.kept === undefined) return;
    this.kept = undefined;
    setImmediate(() => {
      identity().then(
        (id) => void this.table(id).catch(() => undefined),
        () => undefined,
      );
    });
  }

  private table(identity: string): Promise<CandidateTable> {
    if (this.kept?.identity !== identity) {
      const table = this.read();
      // A failed read is not kept: the next unknown id reads again.
      table.catch(() => {
        if (this.kept?.table === table) this.kept = undefined;
      });
      this.kept = { identity, table };
    }
    return this.kept.table;
  }

  private async read(): Promise<CandidateTable> {
    this.reads++;
    // One JSON array, not 50,000 rows: a row costs the driver far more to parse than a string in an array.
    const [row] = await this.db.read<{ ids: string | null }>('SELECT json_agg(entity ORDER BY pos)::text AS ids FROM newsgraph.reach WHERE pos < $1', [MAX_CANDIDATES_SCANNED]);
    const ids = row?.ids === null || row?.ids === undefined ? [] : (JSON.parse(row.ids) as string[]);
    const table = candidateTable(ids);
    compileOnce(table);
    return table;
  }
}
