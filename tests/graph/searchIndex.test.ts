/**
 * The name index gives exactly the ranking of the plain definition (exact name, exact alias, every query word
 * a word prefix, substring; then shorter form, then graph order) on a generated graph of thousands of names,
 * for whole names, surnames, short and long prefixes, fragments inside words, kinds and limits.
 */
import { expect, test } from '@jest/globals';
import { foldName, foldedWords } from '../../src/graph/fold.js';
import { graphIndex } from '../../src/graph/indices.js';
import { searchEntities } from '../../src/graph/search.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { addEntity, emptyNewsGraph } from '../utils/sampleGraph.js';

function generated(count: number): NewsGraph {
  const g = emptyNewsGraph();
  const syllables = ['ka', 'lo', 'mi', 'sto', 're', 'vin', 'dra', 'po', 'lu', 'gahr', 'ny', 'ze', 'ol', 'ska', 'ber', 'tin', 'mar', 'ova', 'ić', 'øy'];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const word = (): string => {
    let w = '';
    for (let i = 0, n = 1 + next(3); i < n; i++) w += syllables[next(syllables.length)];
    return (w[0] ?? '').toUpperCase() + w.slice(1);
  };
  const kinds = ['PERSON', 'GOVERNMENT', 'PLACE', 'ORGANIZATION'] as const;
  for (let i = 0; i < count; i++) {
    const first = word();
    const last = word();
    addEntity(g, { id: `e${i}`, kind: kinds[i % kinds.length] ?? 'PERSON', name: `${first} ${last}`, aliases: [last, `${first}-${word()}`], properties: {} });
  }
  return g;
}

/** The ranking as first defined: every name read, nothing indexed. */
function reference(graph: NewsGraph, text: string, kind: string | undefined, limit: number): string[] {
  const folded = foldName(text);
  const words = foldedWords(text);
  const index = graphIndex(graph);
  const best = new Map<string, { tier: number; length: number }>();
  const prefixes = (name: readonly string[]): boolean => {
    const used = new Set<number>();
    return words.every((q) => {
      const at = name.findIndex((w, i) => !used.has(i) && w.startsWith(q));
      if (at >= 0) used.add(at);
      return at >= 0;
    });
  };
  for (const entry of index.names) {
    const tier =
      entry.folded === folded ? (entry.isAlias ? 1 : 0) : prefixes(entry.words) ? 2 : entry.folded.includes(folded) ? 3 : undefined;
    if (tier === undefined) continue;
    const previous = best.get(entry.id);
    if (previous === undefined || tier < previous.tier || (tier === previous.tier && entry.folded.length < previous.length)) {
      best.set(entry.id, { tier, length: entry.folded.length });
    }
  }
  const position = (id: string): number => index.entityPosition.get(id) ?? 0;
  return [...best.entries()]
    .filter(([id]) => kind === undefined || graph.getNodeAttributes(id).kind === kind)
    .sort(([a, x], [b, y]) => x.tier - y.tier || x.length - y.length || position(a) - position(b))
    .slice(0, limit)
    .map(([id]) => id);
}

test('the indexed search ranks as the plain definition does, on thousands of names', () => {
  const graph = generated(3000);
  const names: string[] = [];
  graph.forEachNode((_id, e) => names.push(e.name));
  const queries = ['ka', 'k', 'sto', 'Støre', 'gahr', 'ahr', 'ovaøy', 'ić', 'ic', 'lo mi', 'mi lo', 'vin ka', 'zzz', 'ska ber', 'a'];
  for (let i = 0; i < 25; i++) {
    const name = names[(i * 131) % names.length] ?? '';
    const [first = '', last = ''] = name.split(' ');
    queries.push(name, last, first.slice(0, 4), last.slice(1, 4), `${last} ${first.slice(0, 2)}`, name.toLowerCase().slice(2, 9));
  }
  for (const query of queries) {
    for (const [kind, limit] of [[undefined, 10], ['PLACE', 5], [undefined, 200]] as const) {
      const got = searchEntities(graph, query, { kind, limit }).map((h) => h.entity.id);
      expect([query, kind, got]).toEqual([query, kind, reference(graph, query, kind, limit)]);
    }
  }
});
