/**
 * "Did you mean" for the PostgreSQL store: the ids near a mistyped one among those `suggestions` scans (the first
 * MAX_CANDIDATES_SCANNED in graph order, read from the narrow `reach` table), without measuring the edit distance
 * to each: an id can only be suggested when one contains the other or when its edit distance is within the
 * threshold, and that distance is at least half the difference of the two strings' character counts (the bound
 * src/store/memory/similarIds.ts uses, counted here per candidate). At 100,000 articles, measuring 50,000 ids read
 * from the wide entity table took 300 to 650 ms for one unknown id.
 */
import { MAX_CANDIDATES_SCANNED, MAX_SUGGESTED_INPUT, suggestions } from '../../didYouMean.js';
import type { Connections } from './connections.js';

/** Characters are counted in this many buckets (code unit modulo): merging counts only lowers the bound. */
const BUCKETS = 64;

/** The candidates `suggestions` could keep for `input` (the others cannot be within its threshold), in order. */
export function couldSuggest(input: string, candidates: readonly string[]): string[] {
  const folded = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(folded.length * 0.4)); // as suggestions() decides
  const mine = new Int32Array(BUCKETS);
  for (let k = 0; k < folded.length; k++) {
    const b = folded.charCodeAt(k) % BUCKETS;
    mine[b] = (mine[b] ?? 0) + 1;
  }
  const theirs = new Int32Array(BUCKETS);
  return candidates.filter((candidate) => {
    const other = candidate.toLowerCase();
    if (folded.length >= 3 && (other.includes(folded) || folded.includes(other))) return true;
    if (Math.abs(other.length - folded.length) > threshold) return false;
    theirs.fill(0);
    for (let k = 0; k < other.length; k++) {
      const b = other.charCodeAt(k) % BUCKETS;
      theirs[b] = (theirs[b] ?? 0) + 1;
    }
    let common = 0;
    for (let b = 0; b < BUCKETS; b++) common += Math.min(mine[b] ?? 0, theirs[b] ?? 0);
    // Differences of counts: |a| + |b| - 2·common; an edit changes at most two of them.
    return (folded.length + other.length - 2 * common) / 2 <= threshold;
  });
}

/** Up to three ids close to `id`, best first: `suggestions` over the ids it scans, the same answer, measured for few. */
export async function nearEntityIds(db: Connections, id: string): Promise<string[]> {
  if (id.length > MAX_SUGGESTED_INPUT) return [];
  // One JSON array, not 50,000 rows: a row costs the driver far more to parse than a string in an array.
  const [row] = await db.read<{ ids: string | null }>('SELECT json_agg(entity ORDER BY pos)::text AS ids FROM newsgraph.reach WHERE pos < $1', [MAX_CANDIDATES_SCANNED]);
  const ids = row?.ids === null || row?.ids === undefined ? [] : (JSON.parse(row.ids) as string[]);
  return suggestions(id, couldSuggest(id, ids));
}
