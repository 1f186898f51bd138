/**
 * The shortcuts the memory store takes around hubs (src/graph/adjacent.ts: an entity's relations split by
 * predicate once it has 64 or more; unions of predicate lists kept per index) give the same relations, in the
 * same order, as filtering the whole adjacency list: checked for every entity of a generated corpus, with one
 * predicate, several, role names, directions and negation.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { firstAdjacentRelations, matchesDirection, type AdjacencyFilter } from '../../src/graph/adjacent.js';
import { graphIndex, relationsTouching } from '../../src/graph/indices.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { generatedCorpus } from '../serving/corpus.js';

let graph: NewsGraph;
let hubs: string[];
let predicates: string[];
beforeAll(async () => {
  graph = await buildGraph(generatedCorpus(40));
  const index = graphIndex(graph);
  hubs = graph.nodes().filter((id) => relationsTouching(index, id).length >= 64);
  predicates = [...index.byPredicate.keys()].sort();
});

/** The relations around `id` that pass `filter`, read the slow way: the whole list, tested one by one. */
function naive(id: string, filter: AdjacencyFilter): RelationAttributes[] {
  const wanted = filter.predicates === undefined ? undefined : new Set(filter.predicates);
  return relationsTouching(graphIndex(graph), id).filter(
    (r) => (wanted === undefined || wanted.has(r.predicate)) && (filter.negated === undefined || r.negated === filter.negated) && matchesDirection(r, id, filter.direction ?? 'BOTH'),
  );
}

test('the corpus has hubs, so the split lists are used', () => {
  expect(hubs.length).toBeGreaterThanOrEqual(2);
});

test('hubs and others: the first relations of one or several predicates, any direction and negation, as the slow way', () => {
  const filters: AdjacencyFilter[] = [{}];
  for (const [i, p] of predicates.entries()) {
    filters.push({ predicates: [p] }, { predicates: [p], direction: 'OUT', negated: false }, { predicates: [p, predicates[(i + 3) % predicates.length] ?? p], direction: 'IN' });
  }
  filters.push({ predicates: ['HOLDS_POSITION', 'MET_WITH', 'participant', 'NO_SUCH_PREDICATE'], negated: true }, { predicates: ['REJECTED', 'REJECTED'] });
  let compared = 0;
  // Every hub, and one entity in five of the others (their lists are scanned whole: the plain path).
  const entities = graph.nodes().filter((id, i) => hubs.includes(id) || i % 5 === 0);
  for (const id of entities) {
    for (const filter of filters) {
      const all = naive(id, filter);
      expect(firstAdjacentRelations(graph, id, filter, Number.POSITIVE_INFINITY).map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(firstAdjacentRelations(graph, id, filter, 3).map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id));
      compared += all.length;
    }
  }
  expect(compared).toBeGreaterThan(1000);
});

test('the store: relations and linked entities of a hub by predicate, and relations by several predicates, as the slow way', async () => {
  const store = memoryStore(graph);
  const index = graphIndex(graph);
  for (const id of hubs) {
    for (const p of predicates) {
      const page = await store.relations({ subject: id, predicates: [p] }, { first: 200 });
      expect(page.edges.map((e) => e.node.id)).toEqual(
        relationsTouching(index, id)
          .filter((r) => r.predicate === p && (r.subject === id || (r.symmetric === true && r.object === id)))
          .slice(0, 200)
          .map((r) => r.id),
      );
      const linked = await store.linked(id, { predicates: [p], direction: 'BOTH' }, 10);
      const expected: string[] = [];
      for (const r of naive(id, { predicates: [p] })) {
        const other = r.subject === id ? r.object : r.subject;
        if (!expected.includes(other)) expected.push(other);
      }
      expect(linked.map((e) => e.id)).toEqual(expected.slice(0, 10));
    }
  }
  for (let i = 0; i + 1 < predicates.length; i += 2) {
    const pair = [predicates[i + 1] ?? '', predicates[i] ?? ''];
    for (let round = 0; round < 2; round++) {
      const page = await store.relations({ predicates: pair }, { first: 200 });
      const expected = index.relations.filter((r) => pair.includes(r.predicate));
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map((e) => e.node.id)).toEqual(expected.slice(0, 200).map((r) => r.id));
    }
  }
});
