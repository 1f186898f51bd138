/**
 * Ranked name search over folded names and aliases (ONTOLOGY.md, "Name search"): case-, diacritic- and
 * alias-insensitive, best match first. Exact names and aliases are map lookups; the prefix and substring
 * tiers read the name index (`nameIndex.ts`): a binary search of the sorted folded words for a prefix, the
 * trigrams of the words for a substring, so that a search costs what its candidates cost, not a scan of
 * every name of the corpus. The best `limit` are kept as they are met (a bounded insertion list), and the
 * substring tier is not read at all when the better tiers already fill the answer.
 */
import type { EntityKind } from '../ontology/index.js';
import { foldName, foldedWords } from './fold.js';
import { graphIndex, type GraphIndex, type NameEntry } from './indices.js';
import { nameIndex, prefixRange, wordsContaining, wordsContainingShort, type NameIndex } from './nameIndex.js';
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

/** True when every query word is a prefix of a distinct word of the name, in any order. */
function wordsArePrefixes(query: readonly string[], words: readonly string[]): boolean {
  if (query.length === 1) {
    const q = query[0] ?? '';
    return words.some((w) => w.startsWith(q));
  }
  const used = new Set<number>();
  return query.every((q) => {
    const at = words.findIndex((w, i) => !used.has(i) && w.startsWith(q));
    if (at < 0) return false;
    used.add(at);
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

  offer(candidate: Ranked): void {
    const { items } = this;
    const last = items[items.length - 1];
    if (this.full && last !== undefined && !before(candidate, last)) return;
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

/** The names of the words at these indices, each name once. */
function namesOfWords(names: NameIndex, words: Iterable<number>, visit: (n: number) => void): void {
  for (const w of words) for (const n of names.postings[w] ?? []) visit(n);
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
  const offerName = (n: number, tier: number): void => {
    const entry = names.names[n];
    if (entry !== undefined && fits(entry)) top.offer({ entry, tier, position: names.position[n] ?? 0 });
  };
  const offerEntry = (entry: NameEntry, tier: number): void => {
    if (fits(entry)) top.offer({ entry, tier, position: index.entityPosition.get(entry.id) ?? 0 });
  };

  for (const entry of index.byName.get(folded) ?? []) offerEntry(entry, 0);
  for (const entry of index.byAlias.get(folded) ?? []) offerEntry(entry, 1);

  // Prefix tier: the names holding a word that starts with the query word of the narrowest range.
  let narrowest: readonly [number, number] | undefined;
  for (const word of words) {
    const range = prefixRange(names, word);
    if (narrowest === undefined || range[1] - range[0] < narrowest[1] - narrowest[0]) narrowest = range;
  }
  if (narrowest !== undefined) {
    for (let w = narrowest[0]; w < narrowest[1]; w++) {
      for (const n of names.postings[w] ?? []) {
        const entry = names.names[n];
        if (entry !== undefined && entry.folded !== folded && wordsArePrefixes(words, entry.words)) offerName(n, 2);
      }
    }
  }
  if (top.full) return hits(graph, top);

  // Substring tier: every query word lies within one word of a matching name, so the longest query word
  // finds the candidate words (through trigrams, or a scan of the distinct words when it is shorter).
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const candidates = longest.length >= 3 ? wordsContaining(names, longest) : wordsContainingShort(names, longest);
  namesOfWords(names, candidates, (n) => {
    const entry = names.names[n];
    if (entry !== undefined && entry.folded !== folded && entry.folded.includes(folded)) offerName(n, 3);
  });
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
