/**
 * Ranked name search over folded names and aliases (ONTOLOGY.md, "Name search"): case-, diacritic- and
 * alias-insensitive, best match first. Exact names and aliases are map lookups; the prefix and substring
 * tiers read the name index (`nameIndex.ts`), whose lists are in rank order: the names holding every query
 * word as a word prefix (intersected lists), then the names holding every trigram of the query, each read
 * until the next name could not enter the answer. The best `limit` are kept as they are met (a bounded
 * insertion list); the substring tier is not read when the better tiers already fill the answer.
 *
 * Bounded at corpus scale, on purpose: each tier reads at most MAX_CANDIDATES names in rank order (a query
 * whose words begin tens of thousands of names gets the best matches among the best-ranked candidates),
 * and a substring shorter than three characters is looked for only in graphs of at most
 * SHORT_SUBSTRING_SCAN names (the seed's); elsewhere such a query matches by exact name and word prefix.
 */
import type { EntityKind } from '../ontology/index.js';
import { foldName, foldedWords } from './fold.js';
import { graphIndex, type GraphIndex, type NameEntry } from './indices.js';
import { everyName, nameIndex, namesWithPrefix, nameTrigrams, type NameIndex } from './nameIndex.js';
import type { EntityAttributes, NewsGraph } from './types.js';

/** How a hit matched, best first. */
export const MATCH_TIERS = ['name', 'alias', 'prefix', 'substring'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchHit {
  readonly entity: EntityAttributes;
  readonly match: MatchTier;
  /** The name or alias that matched, as written in the data. */
  readonly matched: string;
}

export interface SearchOptions {
  readonly kind?: EntityKind;
  /** @default 10 */
  readonly limit?: number;
}

/** True when every query word is a prefix of a distinct word of the name, in any order (the PostgreSQL store's search reuses it). */
export function wordsArePrefixes(query: readonly string[], words: readonly string[]): boolean {
  if (query.length === 1) {
    const q = query[0] ?? '';
    return words.some((w) => w.startsWith(q));
  }
  const used: boolean[] = [];
  return query.every((q) => {
    const at = words.findIndex((w, i) => used[i] !== true && w.startsWith(q));
    if (at < 0) return false;
    used[at] = true;
    return true;
  });
}

interface Ranked {
  readonly entry: NameEntry;
  readonly tier: number;
  readonly position: number;
}

/** Before: lower tier, then shorter matching form, then graph order. */
function before(a: Ranked, b: Ranked): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.entry.folded.length !== b.entry.folded.length) return a.entry.folded.length < b.entry.folded.length;
  return a.position < b.position;
}

/**
 * The best `limit` entities seen so far, each once at its best form: an insertion list, so a candidate
 * that cannot make the list costs one comparison with its last item.
 */
class TopHits {
  readonly items: Ranked[] = [];
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  /** False when the list is full and the candidate ranks after its last item. */
  admits(candidate: Ranked): boolean {
    const last = this.items[this.items.length - 1];
    return !this.full || last === undefined || before(candidate, last);
  }

  offer(candidate: Ranked): void {
    const { items } = this;
    if (!this.admits(candidate)) return;
    const existing = items.findIndex((r) => r.entry.id === candidate.entry.id);
    if (existing >= 0) {
      const current = items[existing];
      if (current !== undefined && !before(candidate, current)) return;
      items.splice(existing, 1);
    }
    let at = items.length;
    while (at > 0 && before(candidate, items[at - 1] as Ranked)) at--;
    items.splice(at, 0, candidate);
    if (items.length > this.limit) items.pop();
  }
}

/** Above this many names, a substring shorter than a trigram is not looked for (see `searchEntities`). */
export const SHORT_SUBSTRING_SCAN = 20_000;

/** At most this many candidate names are read per tier: the best of them in rank order are kept. */
export const MAX_CANDIDATES = 2_000;

/**
 * Offers, at `tier`, the names in every one of `lists` (each ascending, so in rank order) that match: the
 * shortest list is read in order and each of its names looked up in the others from where the last look-up
 * left off, so that the work stops with the answer: at the first name that could not enter it, or after
 * `cap` (MAX_CANDIDATES) names of the shortest list. An empty set of lists offers nothing.
 */
function readIntersection(
  names: NameIndex,
  top: TopHits,
  lists: readonly Int32Array[],
  tier: number,
  matches: (entry: NameEntry) => boolean,
  fits: (entry: NameEntry) => boolean,
  cap = MAX_CANDIDATES,
): void {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [shortest, ...others] = sorted;
  if (shortest === undefined) return;
  const from = others.map(() => 0);
  const end = Math.min(shortest.length, cap);
  candidates: for (let i = 0; i < end; i++) {
    const n = shortest[i] ?? 0;
    const entry = names.names[n];
    if (entry === undefined) continue;
    const candidate = { entry, tier, position: names.position[n] ?? 0 };
    if (!top.admits(candidate)) return;
    for (let k = 0; k < others.length; k++) {
      const list = others[k] as Int32Array;
      const at = lowerBound(list, n, from[k] ?? 0);
      from[k] = at;
      if (list[at] !== n) continue candidates;
    }
    if (matches(entry) && fits(entry)) top.offer(candidate);
  }
}

/** The first index at or after `start` whose value is not less than `value` (ascending list). */
function lowerBound(list: Int32Array, value: number, start: number): number {
  let low = start;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The lists of the keys, or undefined when some key has none (then no name can match). */
function listsOf(lookup: (key: string) => Int32Array | undefined, keys: readonly string[]): Int32Array[] | undefined {
  const lists: Int32Array[] = [];
  for (const key of new Set(keys)) {
    const list = lookup(key);
    if (list === undefined) return undefined;
    lists.push(list);
  }
  return lists;
}

/**
 * Entities whose name or an alias matches `text`, best first: exact name, exact alias, all words as
 * prefixes, substring. Within a tier, a shorter matching form ranks first, then graph order.
 * An empty query (nothing left after folding) finds nothing.
 */
export function searchEntities(graph: NewsGraph, text: string, options: SearchOptions = {}): SearchHit[] {
  const { kind, limit = 10 } = options;
  const folded = foldName(text);
  if (folded === '' || limit <= 0) return [];
  const words = foldedWords(text);
  const index = graphIndex(graph);
  const names = nameIndex(index);
  const top = new TopHits(limit);
  const fits = (entry: NameEntry): boolean => kind === undefined || kindOf(index, entry.id) === kind;
  const offerEntry = (entry: NameEntry, tier: number): void => {
    if (fits(entry)) top.offer({ entry, tier, position: index.entityPosition.get(entry.id) ?? 0 });
  };

  for (const entry of index.byName.get(folded) ?? []) offerEntry(entry, 0);
  for (const entry of index.byAlias.get(folded) ?? []) offerEntry(entry, 1);

  // Prefix tier: the names holding, for every query word, a word that starts with it (or, for a prefix that
  // begins many words, with its first three characters), read in rank order and checked in full.
  const prefixMatch = (entry: NameEntry): boolean => entry.folded !== folded && wordsArePrefixes(words, entry.words);
  readIntersection(names, top, listsOf((word) => namesWithPrefix(names, word), words) ?? [], 2, prefixMatch, fits);
  if (top.full) return hits(graph, top);

  // Substring tier: the names holding every trigram of the query, checked in full. A query shorter than
  // a trigram is matched by exact name and word prefix only at corpus scale; a small graph is scanned.
  const contains = (entry: NameEntry): boolean => entry.folded !== folded && entry.folded.includes(folded);
  if (folded.length >= 3) {
    const grams: string[] = [];
    for (let i = 0; i + 3 <= folded.length; i++) grams.push(folded.slice(i, i + 3));
    const trigrams = nameTrigrams(names);
    readIntersection(names, top, listsOf((gram) => trigrams.get(gram), grams) ?? [], 3, contains, fits);
  } else if (names.names.length <= SHORT_SUBSTRING_SCAN) {
    const every = everyName(names);
    readIntersection(names, top, [every], 3, contains, fits, every.length);
  }
  return hits(graph, top);
}

function kindOf(index: GraphIndex, id: string): EntityKind | undefined {
  const position = index.entityPosition.get(id);
  return position === undefined ? undefined : index.entities[position]?.kind;
}

function hits(graph: NewsGraph, top: TopHits): SearchHit[] {
  return top.items.map(({ entry, tier }) => ({
    entity: graph.getNodeAttributes(entry.id),
    match: MATCH_TIERS[tier] ?? 'substring',
    matched: entry.surface,
  }));
}
