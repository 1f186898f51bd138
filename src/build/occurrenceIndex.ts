/**
 * Every place a quote occurs in a long article, found from an index of the article's 4-character grams
 * instead of a scan of the whole text per quote: 20,000 quotes in a 1 MB article cost 5.5 s of scans
 * (issue 11), the index makes each lookup proportional to the rarest gram's occurrences.
 *
 * The index is a hash table in two typed arrays (bucket offsets and positions, counting-sorted so that each
 * bucket lists its positions in ascending order), about 8 bytes per character, outside the JS heap.
 */

const GRAM = 4;
const MAX_TABLE_BITS = 22;

function gramHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k++) h = Math.imul(h ^ s.charCodeAt(at + k), 0x9e3779b1);
  return h >>> 0;
}

export class OccurrenceIndex {
  private readonly text: string;
  private readonly mask: number;
  /** bucketStart[b] .. bucketStart[b + 1]: the slice of `positions` whose gram hashes to bucket b. */
  private readonly bucketStart: Int32Array;
  private readonly positions: Int32Array;

  constructor(text: string) {
    this.text = text;
    const grams = Math.max(0, text.length - GRAM + 1);
    let bits = 10;
    while (bits < MAX_TABLE_BITS && 1 << bits < grams) bits++;
    this.mask = (1 << bits) - 1;
    const buckets = new Int32Array(grams);
    this.bucketStart = new Int32Array(this.mask + 2);
    for (let i = 0; i < grams; i++) {
      const bucket = (gramHash(text, i) >>> 0) & this.mask;
      buckets[i] = bucket;
      this.bucketStart[bucket + 1] = (this.bucketStart[bucket + 1] ?? 0) + 1;
    }
    for (let b = 1; b < this.bucketStart.length; b++) this.bucketStart[b] = (this.bucketStart[b] ?? 0) + (this.bucketStart[b - 1] ?? 0);
    const cursor = this.bucketStart.slice(0, this.mask + 1);
    this.positions = new Int32Array(grams);
    for (let i = 0; i < grams; i++) {
      const bucket = buckets[i] ?? 0;
      this.positions[cursor[bucket] ?? 0] = i;
      cursor[bucket] = (cursor[bucket] ?? 0) + 1;
    }
  }

  /** The UTF-16 offsets where `exact` starts, ascending (as repeated `indexOf` would give them). */
  find(exact: string): number[] {
    const { text } = this;
    const found: number[] = [];
    if (exact.length < GRAM) {
      for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
      return found;
    }
    // The quote's rarest gram: the fewest candidates to check.
    let bestOffset = 0;
    let bestSize = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset + GRAM <= exact.length; offset++) {
      const bucket = gramHash(exact, offset) & this.mask;
      const size = (this.bucketStart[bucket + 1] ?? 0) - (this.bucketStart[bucket] ?? 0);
      if (size < bestSize) {
        bestSize = size;
        bestOffset = offset;
      }
      if (size === 0) return found;
    }
    const bucket = gramHash(exact, bestOffset) & this.mask;
    const end = this.bucketStart[bucket + 1] ?? 0;
    for (let k = this.bucketStart[bucket] ?? 0; k < end; k++) {
      const at = (this.positions[k] ?? 0) - bestOffset;
      if (at >= 0 && text.startsWith(exact, at)) found.push(at);
    }
    return found;
  }
}
