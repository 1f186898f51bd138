/**
 * Records read without their long lists (src/store/postgres/projectedRecords.ts): the ends of a page's relations, an
 * entity's typed fields, an article's relations and an event's projections come from PostgreSQL cut before their
 * quotes. Checked here: the answers are the in-memory store's, with the lists asked and not asked, on the seed graph
 * (built by the real builder, so its records have the builder's key order) and on records built here in that order
 * with what the cut must not lose (a drafted entity and relation, whose `draft` comes after the lists; a key after an
 * entity's lists; an event's history; a hub stored slim) or cannot cut (a property named `evidence` before the lists,
 * which the loader finds and stores whole for the projection); and
 * what is cut: an answer that reads no list parses no quote (main's code parsed every relation's and every end's).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import type { ArticleRecord, EntityAttributes, Evidence, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { memoryStore, type GraphStore } from '../../src/store/index.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { cutKeepsEveryKey, LONG_LISTS } from '../../src/store/postgres/slimRecords.js';
import { corpusGraph } from './corpusFixture.js';
import { seedGraph } from '../api/seed.js';
import { describePostgres, startPostgresCluster, type PostgresCluster } from '../utils/postgresCluster.js';
import { anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';

const ARTICLES = 6;
const HUB_QUOTES = 60; // a record of more than 8,192 characters: stored slim, with its heads (slimRecords.ts)

/**
 * Six articles; a hub person quoted 60 times, three small people, a drafted person, a person whose properties hold a
 * key named `evidence` (the cut's search finds it first), a person with a key after its lists (an order the builder
 * does not write), an event with a history and two roles, and relations among them (one drafted, one attributed,
 * one projected from the event). Records are written in the builder's key order (src/build/assemble.ts).
 */
function projectedGraph(): NewsGraph {
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, a) =>
    articleFromSentences({ id: `a${a}`, title: `Report ${a}`, published: `2025-03-0${1 + a}`, source: `Agency ${a % 2}` }, [
      `Anna Hub met Boris Small in Oslo.`,
      `Carla Draft rebuked Dmitri Nested.`,
      `Erik Odd urged calm.`,
    ]),
  );
  const g = emptyNewsGraph(articles);
  const quotes = (text: string, n = ARTICLES): Evidence[] => Array.from({ length: n }, (_, i) => anchor(text, articles[i % ARTICLES]));
  const ids = articles.map((a) => a.id);
  const person = (id: string, name: string, extra: Partial<Record<string, unknown>> = {}, after: Record<string, unknown> = {}): EntityAttributes =>
    ({ id, name, aliases: [name.split(' ')[0]], description: `${name}, a person.`, kind: 'PERSON', properties: {}, ...extra, evidence: quotes(name), articles: ids, ...after }) as never;
  const entities: EntityAttributes[] = [
    { ...person('anna-hub', 'Anna Hub'), evidence: quotes('Anna Hub', HUB_QUOTES) },
    person('boris-small', 'Boris Small'),
    person('carla-draft', 'Carla Draft', {}, { draft: true }),
    person('dmitri-nested', 'Dmitri Nested', { properties: { note: { seen: true, evidence: ['a key the cut finds first'] }, title: 'Envoy' } }),
    person('erik-odd', 'Erik Odd', {}, { wikidata: 'Q1' }),
    { id: 'oslo', name: 'Oslo', aliases: [], kind: 'PLACE', properties: { country: 'Norway' }, evidence: quotes('Oslo'), articles: ids } as never,
    {
      id: 'rebuke-1',
      name: 'Carla Draft rebuked Dmitri Nested',
      aliases: [],
      kind: 'EVENT',
      properties: { eventType: 'REBUKE', status: 'HELD', time: '2025-03-02' },
      evidence: quotes('Carla Draft rebuked Dmitri Nested'),
      articles: ids.slice(0, 3),
      history: ids.slice(0, 3).map((article, i) => ({ status: i === 0 ? 'PLANNED' : 'HELD', article, published: `2025-03-0${1 + i}` })),
    } as never,
  ];
  for (const e of entities) g.addNode(e.id, e);
  const relation = (r: Partial<RelationAttributes> & Pick<RelationAttributes, 'id' | 'predicate' | 'subject' | 'object'>, text: string, after: Record<string, unknown> = {}): RelationAttributes =>
    ({
      id: r.id,
      predicate: r.predicate,
      subject: r.subject,
      object: r.object,
      negated: r.negated ?? false,
      modality: r.modality ?? 'asserted',
      ...(r.attributedTo !== undefined ? { attributedTo: r.attributedTo } : {}),
      ...(r.time !== undefined ? { time: r.time } : {}),
      properties: r.properties ?? {},
      ...(r.event !== undefined ? { event: r.event } : {}),
      origin: r.origin ?? 'stated',
      symmetric: r.symmetric ?? false,
      evidence: quotes(text),
      ...after,
    }) as never;
  const relations: RelationAttributes[] = [
    relation({ id: 'met', predicate: 'MET_WITH', subject: 'anna-hub', object: 'boris-small', symmetric: true, properties: { place: 'Oslo' } }, 'Anna Hub met Boris Small'),
    relation({ id: 'in-oslo', predicate: 'CONCERNS', subject: 'anna-hub', object: 'oslo', time: '2025-03' }, 'in Oslo'),
    relation({ id: 'agent', predicate: 'AGENT', subject: 'rebuke-1', object: 'carla-draft', event: 'rebuke-1', origin: 'role' }, 'Carla Draft'),
    relation({ id: 'target', predicate: 'TARGET', subject: 'rebuke-1', object: 'dmitri-nested', event: 'rebuke-1', origin: 'role' }, 'Dmitri Nested'),
    relation({ id: 'rebuked', predicate: 'REBUKED', subject: 'carla-draft', object: 'dmitri-nested', event: 'rebuke-1', origin: 'projection' }, 'rebuked', { draft: true }),
    relation({ id: 'urged', predicate: 'URGED', subject: 'erik-odd', object: 'boris-small', attributedTo: 'anna-hub', properties: { what: 'calm', evidence: [1] } }, 'urged calm'),
  ];
  for (const r of relations) g.addEdgeWithKey(r.id, r.subject, r.object, r);
  return g;
}

/** Every string JSON.parse reads while `run` runs (the records the store parses, among others). */
async function parsedWhile<T>(run: () => Promise<T>): Promise<{ result: T; parsed: string[] }> {
  const parsed: string[] = [];
  const parse = JSON.parse;
  const spy = jest.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    parsed.push(text);
    return parse(text, reviver);
  });
  try {
    return { result: await run(), parsed };
  } finally {
    spy.mockRestore();
  }
}

const QUOTE = '"exact":';

/** Names only: no field reads a list. */
const NAMES_ONLY = `{
  articles(first: 6) { id relations(first: 10) { totalCount edges { cursor node {
    id predicate negated modality time properties draft origin articleCount
    subject { id name aliases description wikidata kind properties }
    object { id name kind ... on Event { status agents { name aliases } targets { name description properties } } }
    attributedTo { name } event { name }
  } } } }
  timeline(first: 5) { name agents { id name } targets { id name properties } projections { predicate draft properties subject { name } object { name } } }
}`;

/** The same, every list asked too. */
const WITH_LISTS = `{
  articles(first: 6) { id relations(first: 10) { edges { node {
    id draft articleCount evidence(first: 3) { exact article { id } } articles(first: 4) { id }
    subject { id name evidence(first: 2) { exact } articles(first: 3) { id } ... on Event { history { status published article { id } } } }
    object { id name evidence { exact } articles { id } }
  } } } }
  timeline(first: 5) { name evidence { exact } history { status } agents { name evidence { exact } articles { id } } targets { name articles(first: 1) { id } }
    projections { predicate draft evidence { exact } articleCount subject { name evidence(first: 1) { exact } } } }
}`;

/** The projection's cut as the SQL makes it (projectedRecords.ts), in JavaScript. */
function cutText(full: string): string | undefined {
  const at = full.indexOf(',"evidence":[');
  return at < 0 ? undefined : `${full.slice(0, at)}${full.slice(full.lastIndexOf(']') + 1)}`;
}

function withoutLists(record: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => !(LONG_LISTS as readonly string[]).includes(key))));
}

test("the loader's check of the cut (cutKeepsEveryKey) holds only where the cut is the record without its lists", async () => {
  const graphs = { seed: await seedGraph(), built: projectedGraph(), corpus: corpusGraph() };
  for (const [name, graph] of Object.entries(graphs)) {
    const records: object[] = [...[...graph.nodeEntries()].map((n) => n.attributes), ...[...graph.edgeEntries()].map((e) => e.attributes)];
    const kept: string[] = [];
    for (const record of records) {
      const full = JSON.stringify(record);
      const exact = cutText(full) === withoutLists(record);
      const check = cutKeepsEveryKey(record as never, full);
      if (check) expect({ name, record, exact }).toEqual({ name, record, exact: true });
      if (!check) kept.push((record as { id: string }).id);
    }
    // The builder's records are all cut; of those built here, the two with a property named evidence are not.
    if (name === 'seed') expect(kept).toEqual([]);
    if (name === 'built') expect(kept.sort()).toEqual(['dmitri-nested', 'urged']);
  }
});

describePostgres('records read without their long lists (projectedRecords.ts)', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describe('records in the builder key order, with what the cut must keep or refuse', () => {
    let graph: NewsGraph;
    let memory: GraphStore;
    let store: PostgresStore;
    beforeAll(async () => {
      graph = projectedGraph();
      memory = memoryStore(graph);
      await loadGraphIntoPostgres(cluster.url, graph);
      store = new PostgresStore({ primary: cluster.url });
    });
    afterAll(async () => {
      await store?.close();
    });

    test('answer what the in-memory store answers, lists asked or not', async () => {
      for (const query of [NAMES_ONLY, WITH_LISTS, playgroundQuery('WhatEachArticleAdded'), playgroundQuery('WhoRebukedWhom'), playgroundQuery('ContradictingClaims')]) {
        const expected = await executeQuery(memory, query);
        expect(expected.errors).toBeUndefined();
        expect(await executeQuery(store, query)).toEqual(expected);
        expect(await executeQuery(store, query)).toEqual(expected); // again: the hub's slim copy from the cache
      }
    });

    test('the article question parses no quote but those of the two records stored whole, in no more statements', async () => {
      const query = playgroundQuery('WhatEachArticleAdded');
      await executeQuery(store, query); // warm: the corpus's figures, the hub's slim copy
      const before = store.statementCount;
      const { result, parsed } = await parsedWhile(() => executeQuery(store, query));
      const statements = store.statementCount - before;
      expect(result).toEqual(await executeQuery(memory, query));
      const quoted = parsed.filter((text) => text.includes(QUOTE));
      // Dmitri Nested and the relation `urged` (a property named evidence before the record's own: the loader found that
      // the cut would not keep every key and stored their whole text for the projection: slimRecords.ts
      // cutKeepsEveryKey). Every other relation and end comes without its quotes, Erik Odd's `wikidata` after its lists
      // kept. Main's code parsed every relation of the six articles and every end whole: 6 × 6 relations and 6 ends.
      const refused = ['{"id":"dmitri-nested"', '{"id":"urged"'];
      expect(quoted.filter((text) => !refused.some((start) => text.startsWith(start)))).toEqual([]);
      expect(quoted.length).toBeGreaterThan(0); // those two were read whole (else this proves nothing)
      // The articles, their relation pages (and entity pages: counts only), the pages' ends: as main's code (4 to 5).
      expect(statements).toBeLessThanOrEqual(5);
    });

    test('the store API hands out the same records once completed, and a look-up by id answers whole', async () => {
      const page = await store.articleRelations('a0', { first: 10 });
      const expected = await memory.articleRelations('a0', { first: 10 });
      expect(page.edges.map((e) => e.node.id)).toEqual(expected.edges.map((e) => e.node.id));
      for (const [i, { node }] of page.edges.entries()) {
        const whole = expected.edges[i]?.node;
        expect(await store.wholeRelation(node)).toEqual(whole);
        const end = store.entityAtHand(node.subject);
        expect(end).toBeDefined();
        if (end !== undefined) expect(await store.wholeEntity(end)).toEqual(await memory.entity(node.subject));
        // At hand without its lists, but a look-up by id answers a small record whole (a hub slim, as always).
        const looked = await store.entity(node.subject);
        if (node.subject !== 'anna-hub') expect(looked).toEqual(await memory.entity(node.subject));
        else expect(looked === null ? null : await store.wholeEntity(looked)).toEqual(await memory.entity(node.subject));
      }
    });
  });

  describe('the seed graph, built by the real builder', () => {
    let memory: GraphStore;
    let store: PostgresStore;
    beforeAll(async () => {
      const graph = await seedGraph();
      memory = memoryStore(graph);
      await loadGraphIntoPostgres(cluster.url, graph);
      store = new PostgresStore({ primary: cluster.url });
    });
    afterAll(async () => {
      await store?.close();
    });

    test('every playground question answers as in memory', async () => {
      for (const example of PLAYGROUND_EXAMPLES) {
        const options = example.variables === undefined ? undefined : { variables: example.variables };
        const expected = await executeQuery(memory, example.query, options);
        expect(await executeQuery(store, example.query, options)).toEqual(expected);
      }
    });

    test("the article question parses no quote: relations stated and projected, ends of every kind", async () => {
      const query = playgroundQuery('WhatEachArticleAdded');
      await executeQuery(store, query);
      const { result, parsed } = await parsedWhile(() => executeQuery(store, query));
      expect(result).toEqual(await executeQuery(memory, query));
      // Main's code parsed every relation of the seed article's first page and its ends, each with its quotes.
      expect(parsed.filter((text) => text.includes(QUOTE))).toEqual([]);
      expect(parsed.length).toBeGreaterThan(10);
    });
  });
});
