/**
 * The index behind name search at corpus scale: the distinct folded words of every name and alias, sorted
 * (so the names with a word starting with a prefix are one binary search away), each with the names that
 * hold it, and the trigrams of those words (so the words containing a substring are found without reading
 * them all). About 300,000 names (10,000 articles) fold to far fewer distinct words, which keeps it small
 * and quick to build; it is built on the first search and cached with the graph's index.
 */
import type { GraphIndex, NameEntry } from './indices.js';

export interface NameIndex {
  readonly names: readonly NameEntry[];
  /** Per name: the graph position of its entity (the tie-break of the ranking). */
  readonly position: Int32Array;
  /** Distinct folded words, sorted by code unit. */
  readonly words: readonly string[];
  /** Per word (same index as `words`): the names that hold it, ascending. */
  readonly postings: readonly Int32Array[];
  /** Trigram → the words (indices into `words`) that contain it, ascending. */
  readonly trigrams: ReadonlyMap<string, Int32Array>;
}

const cache = new WeakMap<GraphIndex, NameIndex>();

/** The name index of a graph index, built on first use. */
export function nameIndex(index: GraphIndex): NameIndex {
  let built = cache.get(index);
  if (built === undefined) {
    built = buildNameIndex(index);
    cache.set(index, built);
  }
  return built;
}

function buildNameIndex(index: GraphIndex): NameIndex {
  const names = index.names;
  const position = new Int32Array(names.length);
  const byWord = new Map<string, number[]>();
  names.forEach((entry, n) => {
    position[n] = index.entityPosition.get(entry.id) ?? 0;
    for (const word of entry.words) {
      const list = byWord.get(word);
      if (list === undefined) byWord.set(word, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
  });
  const words = [...byWord.keys()].sort();
  const postings = words.map((word) => Int32Array.from(byWord.get(word) ?? []));
  const grams = new Map<string, number[]>();
  words.forEach((word, w) => {
    for (let i = 0; i + 3 <= word.length; i++) {
      const gram = word.slice(i, i + 3);
      const list = grams.get(gram);
      if (list === undefined) grams.set(gram, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
  });
  const trigrams = new Map<string, Int32Array>();
  for (const [gram, list] of grams) trigrams.set(gram, Int32Array.from(list));
  return { names, position, words, postings, trigrams };
}

/** The first index of `words` not less than `key`. */
function lowerBound(words: readonly string[], key: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The range [start, end) of the sorted words that begin with `prefix`. */
export function prefixRange(index: NameIndex, prefix: string): readonly [number, number] {
  const start = lowerBound(index.words, prefix);
  // Every word with the prefix sorts before the prefix followed by the highest code unit.
  const end = lowerBound(index.words, `${prefix}\uffff`);
  return [start, end];
}

/** The words (indices) that contain `part` (at least 3 characters: read through the trigrams). */
export function wordsContaining(index: NameIndex, part: string): number[] {
  let smallest: Int32Array | undefined;
  for (let i = 0; i + 3 <= part.length; i++) {
    const list = index.trigrams.get(part.slice(i, i + 3));
    if (list === undefined) return [];
    if (smallest === undefined || list.length < smallest.length) smallest = list;
  }
  const result: number[] = [];
  for (const w of smallest ?? []) if ((index.words[w] ?? '').includes(part)) result.push(w);
  return result;
}

/** The words (indices) that contain a part shorter than a trigram: a scan of the distinct words. */
export function wordsContainingShort(index: NameIndex, part: string): number[] {
  const result: number[] = [];
  index.words.forEach((word, w) => {
    if (word.includes(part)) result.push(w);
  });
  return result;
}
