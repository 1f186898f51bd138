/**
 * The index behind name search at corpus scale. Every name and alias is numbered in rank order (shorter
 * folded form first, then graph order of its entity), and each posting list holds name numbers ascending,
 * so a list is read in rank order and a search stops as soon as the next name could not enter its answer.
 *
 * - `prefixes`: each word prefix of one to three characters → the names holding a word that starts with it.
 *   A query word's candidates are the list of its first (up to) three characters, checked in full; about
 *   three lists per word occurrence, a few megabytes at 300,000 names (10,000 articles).
 * - `trigrams` (built on the first substring search): each three characters of a folded name → the names
 *   that contain them; a substring's candidates are the shortest list among its trigrams.
 */
import type { GraphIndex, NameEntry } from './indices.js';
import { perIndex } from './perIndex.js';

export interface NameIndex {
  /** Every name and alias in rank order: shorter folded form first, then graph order of the entity. */
  readonly names: readonly NameEntry[];
  /** Per name: the graph position of its entity (the tie-break of the ranking). */
  readonly position: Int32Array;
  /** Word prefix (1 to 3 characters) → the names holding such a word, ascending. */
  readonly prefixes: ReadonlyMap<string, Int32Array>;
  /** The distinct folded words, sorted by code unit: the words with a longer prefix are one binary search away. */
  readonly words: readonly string[];
  /** Per word of `words`: the names that hold it, ascending. */
  readonly postings: readonly Int32Array[];
}

/** The longest word prefix with a list of its own; longer query words are checked against these lists. */
export const PREFIX_KEY_LENGTH = 3;

const trigramCache = new WeakMap<NameIndex, ReadonlyMap<string, Int32Array>>();
const everyNameCache = new WeakMap<NameIndex, Int32Array>();

/** The name index of a graph index, built on first use. */
export const nameIndex: (index: GraphIndex) => NameIndex = perIndex((index) => buildNameIndex(index));

/** Appends `n` to the list of `key` unless it is already its last (names are visited in ascending order). */
function post(lists: Map<string, number[]>, key: string, n: number): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [n]);
  else if (list[list.length - 1] !== n) list.push(n);
}

function freeze(lists: Map<string, number[]>): Map<string, Int32Array> {
  const frozen = new Map<string, Int32Array>();
  for (const [key, list] of lists) frozen.set(key, Int32Array.from(list));
  return frozen;
}

function buildNameIndex(index: GraphIndex): NameIndex {
  // Sort numbers, not entries: the sort key (form length, entity position) read from typed arrays.
  const all = index.names;
  const lengths = new Int32Array(all.length);
  const positions = new Int32Array(all.length);
  all.forEach((entry, i) => {
    lengths[i] = entry.folded.length;
    positions[i] = index.entityPosition.get(entry.id) ?? 0;
  });
  const order = Int32Array.from({ length: all.length }, (_, i) => i).sort(
    (a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || (positions[a] ?? 0) - (positions[b] ?? 0),
  );
  const names: NameEntry[] = new Array<NameEntry>(all.length);
  const position = new Int32Array(all.length);
  const prefixes = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  order.forEach((from, n) => {
    const entry = all[from] as NameEntry;
    names[n] = entry;
    position[n] = positions[from] ?? 0;
    for (const word of entry.words) {
      post(byWord, word, n);
      for (let length = 1; length <= Math.min(PREFIX_KEY_LENGTH, word.length); length++) post(prefixes, word.slice(0, length), n);
    }
  });
  const words = [...byWord.keys()].sort();
  const postings = words.map((word) => Int32Array.from(byWord.get(word) ?? []));
  return { names, position, prefixes: freeze(prefixes), words, postings };
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

/** Above this many distinct words or names, the names of a prefix are read from its three-character list instead. */
const MERGE_WORDS = 4096;
const MERGE_NAMES = 20_000;

/**
 * The names holding a word that starts with `prefix`, ascending (rank order). A prefix of up to three
 * characters has its list; a longer one merges the lists of the few words it begins, or, when it begins
 * many, falls back to its first three characters' list (a superset, checked in full by the caller).
 */
export function namesWithPrefix(index: NameIndex, prefix: string): Int32Array | undefined {
  if (prefix.length <= PREFIX_KEY_LENGTH) return index.prefixes.get(prefix);
  const start = lowerBound(index.words, prefix);
  // Every word with the prefix sorts before the prefix followed by the highest code unit.
  const end = lowerBound(index.words, `${prefix}\uffff`);
  const fallback = (): Int32Array | undefined => index.prefixes.get(prefix.slice(0, PREFIX_KEY_LENGTH));
  if (end - start > MERGE_WORDS) return fallback();
  if (end === start) return undefined;
  if (end - start === 1) return index.postings[start];
  let size = 0;
  for (let w = start; w < end; w++) size += index.postings[w]?.length ?? 0;
  if (size > MERGE_NAMES) return fallback();
  const merged = new Int32Array(size);
  let at = 0;
  for (let w = start; w < end; w++) {
    const list = index.postings[w];
    if (list !== undefined) {
      merged.set(list, at);
      at += list.length;
    }
  }
  merged.sort();
  // A name holding two of the words appears twice: keep it once.
  let kept = 0;
  for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[kept++] = merged[i] ?? 0;
  return merged.subarray(0, kept);
}

/** Trigram → the names whose folded form contains it, ascending; built on first use. */
export function nameTrigrams(names: NameIndex): ReadonlyMap<string, Int32Array> {
  let built = trigramCache.get(names);
  if (built === undefined) {
    const lists = new Map<string, number[]>();
    names.names.forEach((entry, n) => {
      for (let i = 0; i + 3 <= entry.folded.length; i++) post(lists, entry.folded.slice(i, i + 3), n);
    });
    built = freeze(lists);
    trigramCache.set(names, built);
  }
  return built;
}

/**
 * Every name number, ascending (0, 1, 2, ...): the one list a short substring (one or two characters, no
 * trigram) is read from in a small graph. Made once per index, not per search.
 */
export function everyName(names: NameIndex): Int32Array {
  let built = everyNameCache.get(names);
  if (built === undefined) {
    built = Int32Array.from({ length: names.names.length }, (_, n) => n);
    everyNameCache.set(names, built);
  }
  return built;
}
