/**
 * Ranked name search over folded names and aliases (ONTOLOGY.md, "Name search"): case-, diacritic- and
 * alias-insensitive, best match first. Exact names and aliases are map lookups; the prefix and substring
 * tiers read the list of names once per search (never once per field).
 */
import type { EntityKind } from '../ontology/index.js';
import { foldName, foldedWords } from './fold.js';
import { graphIndex, type NameEntry } from './indices.js';
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

interface Candidate {
  readonly entry: NameEntry;
  readonly tier: number;
}

/** True when every query word is a prefix of a distinct word of the name, in any order. */
function wordsArePrefixes(query: readonly string[], words: readonly string[]): boolean {
  const used = new Set<number>();
  return query.every((q) => {
    const at = words.findIndex((w, i) => !used.has(i) && w.startsWith(q));
    if (at < 0) return false;
    used.add(at);
    return true;
  });
}

/** The tier of a name that is not an exact match: 2 (all words as prefixes), 3 (substring) or none. */
function partialTier(entry: NameEntry, folded: string, words: readonly string[]): number | undefined {
  if (wordsArePrefixes(words, entry.words)) return 2;
  if (entry.folded.includes(folded)) return 3;
  return undefined;
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

  const best = new Map<string, Candidate>();
  const offer = (entry: NameEntry, tier: number): void => {
    const previous = best.get(entry.id);
    if (previous === undefined || tier < previous.tier || (tier === previous.tier && entry.folded.length < previous.entry.folded.length)) {
      best.set(entry.id, { entry, tier });
    }
  };
  for (const entry of index.byName.get(folded) ?? []) offer(entry, 0);
  for (const entry of index.byAlias.get(folded) ?? []) offer(entry, 1);
  for (const entry of index.names) {
    if (entry.folded === folded) continue;
    const tier = partialTier(entry, folded, words);
    if (tier !== undefined) offer(entry, tier);
  }

  const position = (id: string): number => index.entityPosition.get(id) ?? Number.MAX_SAFE_INTEGER;
  const hits: SearchHit[] = [];
  const ranked = [...best.values()].sort(
    (a, b) => a.tier - b.tier || a.entry.folded.length - b.entry.folded.length || position(a.entry.id) - position(b.entry.id),
  );
  for (const { entry, tier } of ranked) {
    const entity = graph.getNodeAttributes(entry.id);
    if (kind !== undefined && entity.kind !== kind) continue;
    hits.push({ entity, match: MATCH_TIERS[tier] ?? 'substring', matched: entry.surface });
    if (hits.length >= limit) break;
  }
  return hits;
}
