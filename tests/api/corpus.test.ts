/**
 * The corpus fields of the API (API.md, "Additions for a corpus of articles") on a small corpus built in
 * code: facts stated by several articles, articles as data with filters, an event's status history, `first`
 * on the lists that grow with the corpus.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { at, codesOf, dataOf, listAt, type ResultJson } from './seed.js';

let graph: NewsGraph;
beforeAll(() => {
  graph = corpusGraph();
});

async function ask(query: string, variables?: Record<string, unknown>): Promise<ResultJson> {
  return (await executeQuery(graph, query, variables === undefined ? {} : { variables })) as ResultJson;
}

const idsAt = (value: unknown, ...path: string[]): string[] => listAt(value, ...path).map((item) => String(at(item, 'id')));

test('a fact stated by two articles is one relation listing both, in publication order, and minArticles finds it', async () => {
  const data = dataOf(
    await ask(`{ relations(minArticles: 2) { totalCount edges { node { id articleCount articles { id published } evidence { article { id } } } } } }`),
  );
  expect(at(data, 'relations', 'totalCount')).toBe(1);
  const node = at(data, 'relations', 'edges', 0, 'node');
  expect(at(node, 'id')).toBe('ukraine--rejected--crimea-condition');
  expect(at(node, 'articleCount')).toBe(2);
  expect(listAt(node, 'articles')).toEqual([
    { id: 'sample-article', published: '2025-04-24' },
    { id: 'follow-up', published: '2025-04-26' },
  ]);
  expect(listAt(node, 'evidence')).toHaveLength(2);
  const one = dataOf(await ask(`{ relations(minArticles: 1) { totalCount } }`));
  expect(at(one, 'relations', 'totalCount')).toBe(6);
  expect(codesOf(await ask(`{ relations(minArticles: 0) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
});

test('articles are data: published, source, url; filtered by from, to (inclusive, ISO dates and year-months) and source', async () => {
  const all = dataOf(await ask(`{ articles { id published source url } }`));
  expect(listAt(all, 'articles')).toEqual([
    { id: 'sample-article', published: '2025-04-24', source: null, url: null },
    { id: 'follow-up', published: '2025-04-26', source: 'Example Wire', url: 'https://example.org/follow-up' },
    { id: 'later', published: '2025-05', source: 'example wire', url: null },
    { id: 'undated', published: null, source: null, url: null },
  ]);
  expect(idsAt(dataOf(await ask(`{ articles(from: "2025-04-26") { id } }`)), 'articles')).toEqual(['follow-up', 'later']);
  expect(idsAt(dataOf(await ask(`{ articles(to: "2025-04") { id } }`)), 'articles')).toEqual(['sample-article', 'follow-up']);
  expect(idsAt(dataOf(await ask(`{ articles(from: "2025-05-15", to: "2025-05-31") { id } }`)), 'articles')).toEqual(['later']);
  expect(idsAt(dataOf(await ask(`{ articles(source: "Example Wire", first: 1) { id } }`)), 'articles')).toEqual(['follow-up']);
  expect(codesOf(await ask(`{ articles(from: "April") { id } }`))).toEqual(['BAD_USER_INPUT']);
});

test('relations filter by article and by the publication dates of the articles that state them', async () => {
  const inLater = dataOf(await ask(`{ relations(article: "later") { edges { node { id } } } }`));
  expect(listAt(inLater, 'relations', 'edges').map((e) => at(e, 'node', 'id'))).toEqual(['officials--denied--crimea-is-ukrainian']);
  const april = dataOf(await ask(`{ relations(predicate: ["ASSERTED", "DENIED"], to: "2025-04") { edges { node { id } } } }`));
  expect(listAt(april, 'relations', 'edges').map((e) => at(e, 'node', 'id'))).toEqual(['ukraine--asserted--crimea-is-ukrainian']);
  expect(codesOf(await ask(`{ relations(article: "no-such-article") { totalCount } }`))).toEqual(['NOT_FOUND']);
});

test('Article.relations and Article.entities are connections that page with after', async () => {
  const first = dataOf(await ask(`{ article(id: "follow-up") { relations(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`));
  expect(at(first, 'article', 'relations', 'totalCount')).toBe(5);
  expect(at(first, 'article', 'relations', 'pageInfo', 'hasNextPage')).toBe(true);
  const cursor = String(at(first, 'article', 'relations', 'pageInfo', 'endCursor'));
  const rest = dataOf(await ask(`query ($after: String) { article(id: "follow-up") { relations(first: 10, after: $after) { pageInfo { hasNextPage } edges { node { id } } } } }`, { after: cursor }));
  const seen = [...listAt(first, 'article', 'relations', 'edges'), ...listAt(rest, 'article', 'relations', 'edges')].map((e) => at(e, 'node', 'id'));
  expect(new Set(seen).size).toBe(5);
  expect(at(rest, 'article', 'relations', 'pageInfo', 'hasNextPage')).toBe(false);
  const entities = dataOf(await ask(`{ article(id: "later") { entities { totalCount edges { node { id } } } } }`));
  expect(listAt(entities, 'article', 'entities', 'edges').map((e) => at(e, 'node', 'id')).sort()).toEqual(['crimea-is-ukrainian', 'officials']);
});

test('Entity.articles on the interface and on every object type, in publication order', async () => {
  const data = dataOf(await ask(`{ entity(id: "vladimir-putin") { articles { id } ... on Person { one: articles(first: 1) { id } } } }`));
  expect(idsAt(data, 'entity', 'articles')).toEqual(['follow-up', 'undated']); // undated last
  expect(idsAt(data, 'entity', 'one')).toEqual(['follow-up']);
  const every = dataOf(await ask(`{ entities(first: 50) { edges { node { __typename articles { id } } } } }`));
  const types = new Set(listAt(every, 'entities', 'edges').map((e) => at(e, 'node', '__typename')));
  expect([...types].sort()).toEqual(['Claim', 'Event', 'Government', 'Group', 'Person', 'Proposal']);
  for (const edge of listAt(every, 'entities', 'edges')) expect(listAt(edge, 'node', 'articles').length).toBeGreaterThan(0);
});

test('an event has its current status and its history across articles', async () => {
  const data = dataOf(
    await ask(`{ entity(id: "witkoff-putin-meeting") { ... on Event { status history { status published article { id title } } } } }`),
  );
  expect(at(data, 'entity', 'status')).toBe('occurred');
  expect(listAt(data, 'entity', 'history')).toEqual([
    { status: 'planned', published: '2025-04-24', article: { id: 'sample-article', title: 'A sample article' } },
    { status: 'occurred', published: '2025-04-26', article: { id: 'follow-up', title: 'Witkoff meets Putin' } },
  ]);
});

test('first bounds the typed fields, relations, evidence and neighbours; over the cap is BAD_USER_INPUT', async () => {
  const data = dataOf(
    await ask(`{ entity(id: "witkoff-putin-meeting") { relations(first: 1) { id } evidence(first: 1) { exact } neighbors(first: 1) { entity { id } }
      ... on Event { participants(first: 1) { id } all: participants { id } } } }`),
  );
  expect(listAt(data, 'entity', 'relations')).toHaveLength(1);
  expect(listAt(data, 'entity', 'evidence')).toHaveLength(1);
  expect(listAt(data, 'entity', 'neighbors')).toHaveLength(1);
  expect(idsAt(data, 'entity', 'participants')).toEqual(['steve-witkoff']);
  expect(idsAt(data, 'entity', 'all')).toEqual(['steve-witkoff', 'vladimir-putin']);
  expect(codesOf(await ask(`{ entity(id: "ukraine") { relations(first: 201) { id } } }`))).toEqual(['BAD_USER_INPUT']);
  expect(codesOf(await ask(`{ entity(id: "ukraine") { ... on Government { rejected(first: -1) { id } } } }`))).toEqual(['BAD_USER_INPUT']);
});

test('who said what about Crimea, and in which report', async () => {
  const data = dataOf(
    await ask(`{ entity(id: "crimea-is-ukrainian") { ... on Claim { assertedBy { id } deniedBy { id } } relations(predicate: ["ASSERTED", "DENIED"]) { predicate subject { id } articles { id published } } } }`),
  );
  expect(idsAt(data, 'entity', 'assertedBy')).toEqual(['ukraine']);
  expect(idsAt(data, 'entity', 'deniedBy')).toEqual(['officials']);
  expect(listAt(data, 'entity', 'relations').map((r) => [at(r, 'predicate'), at(r, 'subject', 'id'), idsAt(r, 'articles')])).toEqual([
    ['ASSERTED', 'ukraine', ['follow-up']],
    ['DENIED', 'officials', ['later']],
  ]);
});
