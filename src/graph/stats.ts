/**
 * What a graph holds: counts by kind and by predicate, and per article which sentences yield a fact.
 * A sentence is covered when at least one relation (role edges and projections included) has evidence in it;
 * how many relations each sentence yields says where the encoding is thin or dense, beyond covered or not.
 */
import { sliceArticle } from './articleText.js';
import type { NewsGraph } from './types.js';

export interface ArticleCoverage {
  readonly article: string;
  readonly title: string;
  readonly sentences: number;
  readonly covered: number;
  /** For each sentence (by 0-based index), how many relations have evidence in it (each relation once). */
  readonly factsPerSentence: readonly number[];
  /** 0-based indices and text of the sentences that yield no fact. */
  readonly uncovered: readonly { readonly index: number; readonly text: string }[];
}

export interface GraphStats {
  readonly entities: number;
  readonly relations: number;
  readonly negatedRelations: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly byPredicate: Readonly<Record<string, number>>;
  readonly articles: readonly ArticleCoverage[];
}

export function graphStats(graph: NewsGraph): GraphStats {
  const byKind: Record<string, number> = {};
  graph.forEachNode((_, a) => {
    byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  });
  const byPredicate: Record<string, number> = {};
  const coveredBy = new Map<string, Set<number>>();
  const factsBy = new Map<string, number[]>();
  let negatedRelations = 0;
  graph.forEachEdge((_, r) => {
    byPredicate[r.predicate] = (byPredicate[r.predicate] ?? 0) + 1;
    if (r.negated) negatedRelations++;
    const counted = new Set<string>();
    for (const e of r.evidence) {
      const set = coveredBy.get(e.article) ?? new Set<number>();
      set.add(e.sentence);
      coveredBy.set(e.article, set);
      // A relation quoted twice in one sentence is still one fact of that sentence.
      const key = `${e.article}\u0000${e.sentence}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const counts = factsBy.get(e.article) ?? [];
      counts[e.sentence] = (counts[e.sentence] ?? 0) + 1;
      factsBy.set(e.article, counts);
    }
  });
  const articles = graph.getAttribute('articles').map((article) => {
    const covered = coveredBy.get(article.id) ?? new Set<number>();
    const counts = factsBy.get(article.id) ?? [];
    const uncovered = article.sentences
      .map((span, index) => ({ index, text: sliceArticle(article, span.start, span.end) }))
      .filter(({ index }) => !covered.has(index));
    return {
      article: article.id,
      title: article.title,
      sentences: article.sentences.length,
      covered: article.sentences.length - uncovered.length,
      factsPerSentence: article.sentences.map((_, index) => counts[index] ?? 0),
      uncovered,
    };
  });
  return {
    entities: graph.order,
    relations: graph.size,
    negatedRelations,
    byKind: sortKeys(byKind),
    byPredicate: sortKeys(byPredicate),
    articles,
  };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
