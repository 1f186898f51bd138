/**
 * The passage of an article closest to a quote that is not verbatim: what the person most likely meant.
 *
 * Approximate matching costs the quote's length times the text's length, which for a long quote in a
 * long article is minutes (issue 11: a 2,000-character quote in a 100 KB article took 140 s). So the search
 * is bounded: only the quote's first HINT_PATTERN_UNITS characters are matched, and in a long text only
 * around the places where the quote's words occur (a word index votes for where the quote would start).
 * The cost per quote is then at most HINT_CELL_BUDGET cells, whatever the sizes.
 */

/** Characters of a quote that the closest-passage search matches; a longer quote is matched by its start. */
export const HINT_PATTERN_UNITS = 256;
/** Dynamic-programming cells one search may fill (about 10-30 ms here). */
export const HINT_CELL_BUDGET = 4_000_000;
/** How many candidate places of a long text are searched. */
const CANDIDATE_WINDOWS = 12;
/** Buckets, in characters, in which word votes for a start position are counted. */
const VOTE_BUCKET = 32;
/** A word that occurs more often than this says little about where a quote is, and costs votes. */
const COMMON_WORD_OCCURRENCES = 2_000;

export interface Passage {
  readonly start: number;
  readonly end: number;
  /** Edits between the passage and the (possibly shortened) quote. */
  readonly distance: number;
  /** True when only the quote's first HINT_PATTERN_UNITS characters were matched. */
  readonly partial: boolean;
}

/** The positions of each word of a text, built once per text and reused by every quote searched in it. */
export class WordIndex {
  private readonly positions = new Map<string, number[]>();
  constructor(text: string) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      const list = this.positions.get(word);
      if (list) list.push(match.index);
      else this.positions.set(word, [match.index]);
    }
  }
  get(word: string): readonly number[] {
    return this.positions.get(word) ?? [];
  }
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The substring of `text` with the smallest edit distance to `pattern` (Sellers' approximate matching),
 * bounded as the module comment says; undefined when a long text shares no word with the quote.
 * @param index the text's word index, when the caller keeps one (built here otherwise, only if needed).
 */
export function closestPassage(text: string, pattern: string, index?: () => WordIndex): Passage | undefined {
  const partial = pattern.length > HINT_PATTERN_UNITS;
  const quote = partial ? pattern.slice(0, HINT_PATTERN_UNITS) : pattern;
  if (quote.length === 0) return { start: 0, end: 0, distance: 0, partial };
  if (quote.length * text.length <= HINT_CELL_BUDGET) return { ...searchWindow(text, quote, 0, text.length), partial };

  const words = index ? index() : new WordIndex(text);
  const slack = quote.length + VOTE_BUCKET;
  let best: { start: number; end: number; distance: number } | undefined;
  for (const start of candidateStarts(words, quote)) {
    const found = searchWindow(text, quote, Math.max(0, start - slack), Math.min(text.length, start + quote.length + slack));
    if (best === undefined || found.distance < best.distance) best = found;
  }
  return best && { ...best, partial };
}

/** Where the quote would start if its words are where the text has them: the most voted buckets first. */
function candidateStarts(words: WordIndex, quote: string): number[] {
  const votes = new Map<number, number>();
  for (const match of quote.matchAll(WORD)) {
    const occurrences = words.get(match[0].toLowerCase());
    if (occurrences.length > COMMON_WORD_OCCURRENCES) continue;
    for (const at of occurrences) {
      const bucket = Math.floor((at - match.index) / VOTE_BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, CANDIDATE_WINDOWS)
    .map(([bucket]) => Math.max(0, bucket * VOTE_BUCKET));
}

/** The closest passage to `quote` within text[from, to). */
function searchWindow(text: string, quote: string, from: number, to: number): { start: number; end: number; distance: number } {
  const { end, distance } = bestEnd(text, quote, from, to);
  return { start: bestStart(text, quote, Math.max(from, end - quote.length - distance), end), end, distance };
}

/**
 * Sellers: the end of the best-matching substring of text[from, to) and its distance. Among equally close
 * ends that follow the first one, a word boundary wins: "rejectd" should show "rejected", not "reject".
 */
function bestEnd(text: string, quote: string, from: number, to: number): { end: number; distance: number } {
  const m = quote.length;
  let column = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let next = new Int32Array(m + 1);
  const atEnd = new Int32Array(to - from + 1);
  atEnd[0] = m;
  let distance = m;
  for (let j = from + 1; j <= to; j++) {
    const ch = text.charCodeAt(j - 1);
    next[0] = 0;
    for (let i = 1; i <= m; i++) {
      const substitution = (column[i - 1] ?? 0) + (quote.charCodeAt(i - 1) === ch ? 0 : 1);
      next[i] = Math.min((column[i] ?? 0) + 1, (next[i - 1] ?? 0) + 1, substitution);
    }
    [column, next] = [next, column];
    const d = column[m] ?? m;
    atEnd[j - from] = d;
    if (d < distance) distance = d;
  }
  const first = atEnd.indexOf(distance);
  let end = from + first;
  for (let k = first; k < atEnd.length && atEnd[k] === distance; k++) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(from + k))) {
      end = from + k;
      break;
    }
  }
  return { end, distance };
}

/** The start, at or after `from`, of the substring ending at `end` closest to the whole quote. */
function bestStart(text: string, quote: string, from: number, end: number): number {
  // The same recurrence run backwards from `end`: row i holds the distance of quote's last i units to
  // the best text suffix; the start is where the whole quote's distance is smallest.
  const m = quote.length;
  let column = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let next = new Int32Array(m + 1);
  // Only alignments that end exactly at `end`: row 0 grows with the text consumed.
  let best = column[m] ?? m;
  let start = end;
  for (let j = end - 1; j >= from; j--) {
    const ch = text.charCodeAt(j);
    next[0] = end - j;
    for (let i = 1; i <= m; i++) {
      const substitution = (column[i - 1] ?? 0) + (quote.charCodeAt(m - i) === ch ? 0 : 1);
      next[i] = Math.min((column[i] ?? 0) + 1, (next[i - 1] ?? 0) + 1, substitution);
    }
    [column, next] = [next, column];
    const d = column[m] ?? m;
    if (d <= best) {
      best = d;
      start = j;
    }
  }
  return start;
}
