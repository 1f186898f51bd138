/** Cursor pagination: every relation and entity exactly once, a stable order, totalCount, and checked arguments. */
import { beforeAll, expect, test } from '@jest/globals';
import { createApolloServer } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { askInProcess, at, codesOf, dataOf, listAt, seedGraph, type Ask } from './seed.js';

let graph: NewsGraph;
let ask: Ask;
beforeAll(async () => {
  graph = await seedGraph();
  ask = askInProcess(createApolloServer(graph));
});

interface Walk {
  readonly ids: string[];
  readonly totals: Set<unknown>;
  readonly pages: number;
}

/** Follows `endCursor` from the first page to the last, `first` items at a time. */
async function walk(field: 'relations' | 'entities', first: number, filter = ''): Promise<Walk> {
  const ids: string[] = [];
  const totals = new Set<unknown>();
  let after: unknown = null;
  let pages = 0;
  for (;;) {
    const data = dataOf(
      await ask(`query($first: Int, $after: String) { ${field}(first: $first, after: $after${filter}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, { first, after }),
    );
    pages++;
    totals.add(at(data, field, 'totalCount'));
    const edges = listAt(data, field, 'edges');
    ids.push(...edges.map((e) => String(at(e, 'node', 'id'))));
    if (edges.length > 0) expect(at(data, field, 'pageInfo', 'endCursor')).toBe(at(edges.at(-1), 'cursor'));
    if (at(data, field, 'pageInfo', 'hasNextPage') !== true) break;
    after = at(data, field, 'pageInfo', 'endCursor');
    if (pages > 1000) throw new Error('pagination does not end');
  }
  return { ids, totals, pages };
}

test.each([1, 7, 50, 200])('relations, %i at a time, walk every relation exactly once in a stable order', async (first) => {
  const { ids, totals, pages } = await walk('relations', first);
  expect(ids).toEqual(graph.edges());
  expect(new Set(ids).size).toBe(graph.size);
  expect([...totals]).toEqual([graph.size]);
  expect(pages).toBe(Math.max(1, Math.ceil(graph.size / first)));
});

test('entities walk every entity exactly once; a kind filter walks exactly that kind', async () => {
  expect((await walk('entities', 9)).ids).toEqual(graph.nodes());
  const claims = await walk('entities', 4, ', kind: CLAIM');
  expect(claims.ids).toEqual(graph.filterNodes((_, e) => e.kind === 'CLAIM'));
});

test('a filtered walk matches the filter exactly, with cursors from the filtered list', async () => {
  const negated = await walk('relations', 1, ', negated: true');
  expect(negated.ids).toEqual(graph.filterEdges((_, r) => r.negated));
  expect(negated.ids.length).toBeGreaterThan(0);
  const roles = await walk('relations', 3, ', predicate: ["AGENT", "TARGET"]');
  expect(roles.ids).toEqual(graph.filterEdges((_, r) => r.predicate === 'AGENT' || r.predicate === 'TARGET'));
});

test('first: 0 gives the count and no items; first outside 0..200 is BAD_USER_INPUT', async () => {
  const none = dataOf(await ask(`{ relations(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`));
  expect(at(none, 'relations', 'totalCount')).toBe(graph.size);
  expect(at(none, 'relations', 'pageInfo')).toEqual({ hasNextPage: true, endCursor: null });
  expect(listAt(none, 'relations', 'edges')).toEqual([]);
  for (const first of [-1, 201, 10_000]) {
    expect(codesOf(await ask(`query($n: Int) { relations(first: $n) { totalCount } }`, { n: first }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask(`query($n: Int) { entities(first: $n) { totalCount } }`, { n: first }))).toEqual(['BAD_USER_INPUT']);
  }
});

test('cursors are opaque, and one that is forged or from another list is BAD_USER_INPUT', async () => {
  const data = dataOf(await ask(`{ relations(first: 1) { edges { cursor node { id } } } entities(first: 1) { edges { cursor } } }`));
  const cursor = String(at(data, 'relations', 'edges', 0, 'cursor'));
  expect(cursor).not.toContain(String(at(data, 'relations', 'edges', 0, 'node', 'id')));
  const entityCursor = String(at(data, 'entities', 'edges', 0, 'cursor'));
  for (const after of ['not-a-cursor', entityCursor, Buffer.from('["relation","no-such-relation"]').toString('base64url')]) {
    expect(codesOf(await ask(`query($a: String) { relations(after: $a) { totalCount } }`, { a: after }))).toEqual(['BAD_USER_INPUT']);
  }
});

test('an unknown predicate or subject is refused with a suggestion, not answered with nothing', async () => {
  const predicate = await ask(`{ relations(predicate: ["ENDORSE"]) { totalCount } }`);
  expect(codesOf(predicate)).toEqual(['BAD_USER_INPUT']);
  expect(predicate.errors?.[0]?.message).toContain('"ENDORSED"');
  const subject = await ask(`{ relations(subject: "donald-trum") { totalCount } }`);
  expect(codesOf(subject)).toEqual(['NOT_FOUND']);
  expect(subject.errors?.[0]?.message).toContain('"donald-trump"');
});

test('symmetric relations match a subject or object filter at either end', async () => {
  const met = graph.filterEdges((_, r) => r.predicate === 'MET_WITH');
  for (const edge of met) {
    const source = graph.source(edge);
    const target = graph.target(edge);
    for (const [subject, object] of [
      [source, target],
      [target, source],
    ]) {
      const data = dataOf(
        await ask(`query($s: ID, $o: ID) { relations(predicate: ["MET_WITH"], subject: $s, object: $o) { edges { node { id } } } }`, {
          s: subject,
          o: object,
        }),
      );
      expect(listAt(data, 'relations', 'edges').map((e) => at(e, 'node', 'id'))).toEqual([edge]);
    }
  }
  // A directed relation does not: Trump rebuked Putin, not the other way round.
  const back = dataOf(await ask(`{ relations(predicate: ["REBUKED"], subject: "vladimir-putin") { totalCount } }`));
  expect(at(back, 'relations', 'totalCount')).toBe(0);
});
