/**
 * The PostgreSQL store passes the same store contract as the in-memory one, against a real cluster started for
 * this suite (tests/utils/postgresCluster.ts); without PostgreSQL the suite says so and skips (fails under CI).
 * Beyond the contract: every method answers exactly what the in-memory store answers over the same graph.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import { exportGraph } from '../../src/export/index.js';
import { toGraphologyJson } from '../../src/export/json.js';
import { toGexf } from '../../src/export/gexf.js';
import { isLaidOutFormat, laidOutText, LAID_OUT_FORMATS, storeWholeExport } from '../../src/export/layoutStream.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { CorpusReplacedError } from '../../src/store/corpusElements.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, anchor, emptyNewsGraph, manyAnchorsGraph } from '../utils/sampleGraph.js';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { SLICED_FROM_ANCHORS } from '../../src/export/rdf/storeQuads.js';
import { seedGraph } from '../api/seed.js';
import { corpusGraph } from './corpusFixture.js';
import { withWholeRecords } from './wholeRecords.js';
import { storeContract } from './storeContract.js';

/**
 * A hub with 2,500 relations (more than one chunk of a ring's relations) to 300 spokes (more than one window of a
 * ring's entities), spokes chained in pairs, a few relations negated: the traversals must read across chunk and
 * window boundaries exactly as the in-memory ones read the whole lists. Few entities, so the layout stays quick.
 */
function hubGraph(): NewsGraph {
  const g = emptyNewsGraph();
  const spokes = 300;
  addEntity(g, { id: 'hub', kind: 'PERSON', name: 'Hub Person', properties: {} });
  for (let i = 0; i < spokes; i++) addEntity(g, { id: `s${i}`, kind: i % 3 === 0 ? 'GOVERNMENT' : 'PERSON', name: `Spoke ${i}`, properties: {} });
  for (let i = 0; i < 2_500; i++) {
    const spoke = `s${(i * 7) % spokes}`;
    const inbound = i % 5 === 0;
    addRelation(g, { id: `r${i}`, predicate: i % 2 === 0 ? 'CRITICIZED' : 'REJECTED', subject: inbound ? spoke : 'hub', object: inbound ? 'hub' : spoke, negated: i % 7 === 0 });
  }
  for (let i = 2; i < spokes; i += 2) addRelation(g, { id: `c${i}`, predicate: 'CRITICIZED', subject: `s${i}`, object: `s${i - 1}` });
  return g;
}

/** Turtle, N-Triples and JSON-LD of the whole graph from the store are the in-memory exports, byte for byte; the N-Triples. */
async function expectRdfAsInMemory(store: PostgresStore, graph: NewsGraph, baseIri?: string): Promise<string> {
  const options = baseIri === undefined ? {} : { baseIri };
  let ntriples = '';
  for (const format of ['turtle', 'ntriples', 'jsonld'] as const) {
    const exported = await storeWholeExport(format, await store.corpusElements(), options);
    let streamed = '';
    for await (const text of exported.kind === 'text' ? exported.chunks : []) streamed += text;
    const inMemory = exportGraph(graph, format, options);
    expect(streamed.length).toBeGreaterThan(1_000);
    expect(streamed).toBe(inMemory.kind === 'text' ? inMemory.text : '');
    if (format === 'ntriples') ntriples = streamed;
  }
  return ntriples;
}

describePostgres('the PostgreSQL store', () => {
  const fixture = postgresFixture();
  const load = async (graph: NewsGraph): Promise<PostgresStore> => {
    await loadGraphIntoPostgres(fixture.url, graph);
    return fixture.open();
  };

  storeContract('passes the store contract', load);

  test('answers every method as the in-memory store does', async () => {
    const graph = corpusGraph();
    const store = await load(graph);
    const memory = memoryStore(graph);
    const same = async <T>(ask: (s: typeof memory | PostgresStore) => Promise<T>): Promise<void> => {
      expect(await ask(store)).toEqual(await ask(memory));
    };
    await same((s) => s.identity());
    await same((s) => s.entities(['ukraine', 'nope', 'vladimir-putin']));
    await same((s) => s.similarIds('vladimir-puttin'));
    await same((s) => s.entitiesOfKind(undefined, { first: 3 }));
    await same((s) => s.entitiesOfKind('PERSON', { first: 1 }));
    for (const text of ['putin', 'Putin', 'vlad put', 'crimea', 'ukr', 'met', 'witkoff putin', 'zz', 'in']) {
      await same((s) => s.search(text, { limit: 5 }));
      await same((s) => s.search(text, { limit: 1, kind: 'PERSON' }));
    }
    for (const id of ['ukraine', 'vladimir-putin', 'witkoff-putin-meeting', 'crimea-is-ukrainian']) {
      await same((s) => s.relationsOf(id, {}, 10));
      await same((s) => s.relationsOf(id, { direction: 'IN' }, 10));
      // Typed fields, an event's relations and an article's come without their lists (projectedRecords.ts): compared once completed.
      await same(async (s) => withWholeRecords(s, await s.linked(id, {}, 10)));
      await same(async (s) => withWholeRecords(s, await s.linked(id, { order: 'time' }, 10)));
      await same((s) => s.neighborhood(id, { depth: 3, includeNegated: true, limit: 50 }));
      await same((s) => s.neighborhood(id, { depth: 2, includeNegated: false, limit: 2 }));
      await same((s) => s.path(id, 'steve-witkoff', 4));
      // The explorer's articles may be read when asked (a promise): compared once read.
      await same(async (s) => withWholeRecords(s, await s.explore({ center: id, depth: 2, limit: 5 })));
    }
    await same(async (s) => withWholeRecords(s, await s.relationsOfEvent('witkoff-putin-meeting', 10)));
    await same((s) => s.relations({ predicates: ['PARTICIPANT', 'MET_WITH'] }, { first: 2 }));
    await same((s) => s.relations({ subject: 'vladimir-putin' }, { first: 5 }));
    await same((s) => s.relations({ from: '2025-04-26', minArticles: 1, draft: false }, { first: 5 }));
    await same((s) => s.articles({ source: 'example wire', from: '2025' }, 5));
    // Whole, as its type says (the resolvers read it without its text through articleWithoutText: partialArticles.ts).
    await same((s) => s.article('follow-up'));
    await same(async (s) => withWholeRecords(s, await s.articleRelations('follow-up', { first: 2 })));
    await same((s) => s.articleEntities('follow-up', { first: 2 }));
    await same((s) => s.timeline({ statuses: ['occurred'] }, 5));
    await same((s) => s.claims(false, 5));
    await same((s) => s.predicateCounts());
  });

  test('traversals read across chunk boundaries as the in-memory ones read whole lists', async () => {
    const graph = hubGraph();
    const store = await load(graph);
    const memory = memoryStore(graph);
    const same = async <T>(ask: (s: typeof memory | PostgresStore) => Promise<T>): Promise<void> => {
      expect(await ask(store)).toEqual(await ask(memory));
    };
    await same((s) => s.neighborhood('hub', { depth: 2, includeNegated: true, limit: 2_400 }));
    await same((s) => s.neighborhood('s4', { depth: 2, includeNegated: false, limit: 3_000 }));
    await same((s) => s.neighborhood('s4', { depth: 3, includeNegated: true, limit: 40, predicates: ['CRITICIZED'] }));
    await same((s) => s.path('s2', 's299', 4));
    await same((s) => s.path('s7', 's1', 1));
    await same((s) => s.relationsOf('hub', { direction: 'IN' }, 1_500));
    await same(async (s) => withWholeRecords(s, await s.linked('hub', { kind: 'GOVERNMENT' }, 90)));
    await same(async (s) => withWholeRecords(s, await s.explore({ center: 's10', depth: 2, limit: 200 })));
    await same((s) => s.search('spoke 24', { limit: 30 }));
    await same((s) => s.relations({ subject: 'hub', predicates: ['REJECTED'] }, { first: 100 }));
    // The whole-graph exports stream a page of rows at a time (the hub's relations span pages): across pages they are
    // still the in-memory exports, byte for byte; the JSON graphology's own serialization.
    for (const format of Object.keys(LAID_OUT_FORMATS).filter(isLaidOutFormat)) {
      let streamed = '';
      for await (const text of laidOutText(format, await store.corpusElements())) streamed += text;
      const inMemory = exportGraph(graph, format);
      expect(inMemory.kind).toBe('text');
      expect(streamed).toBe(inMemory.kind === 'text' ? inMemory.text : '');
      if (format === 'gdelt') expect(streamed.split('\n').length).toBeGreaterThan(1_000); // rows of several pages
      if (format === 'json') expect(streamed).toBe(toGraphologyJson(graph));
    }
    // gexf: a first pass for its attribute models, then the document a page at a time.
    const gexf = await storeWholeExport('gexf', await store.corpusElements());
    let streamedGexf = '';
    for await (const text of gexf.kind === 'text' ? gexf.chunks : []) streamedGexf += text;
    expect(streamedGexf).toBe(toGexf(graph)); // graphology-gexf's own document
    // dot: a first pass for the stand-in ids (none here), then the document a page at a time.
    const dot = await storeWholeExport('dot', await store.corpusElements());
    let streamedDot = '';
    for await (const text of dot.kind === 'text' ? dot.chunks : []) streamedDot += text;
    const inMemoryDot = exportGraph(graph, 'dot');
    expect(streamedDot).toBe(inMemoryDot.kind === 'text' ? inMemoryDot.text : '');
    // csv's files: a first pass over the entities for the array delimiter, then each file a page at a time.
    const csv = await storeWholeExport('csv', await store.corpusElements());
    if (csv.kind !== 'files') throw new Error('csv is files');
    const streamedFiles: Record<string, string> = {};
    for (const { name, chunks } of csv.files) {
      streamedFiles[name] = '';
      for await (const text of chunks) streamedFiles[name] += text;
    }
    const inMemoryCsv = exportGraph(graph, 'csv');
    expect(streamedFiles).toEqual(inMemoryCsv.kind === 'files' ? inMemoryCsv.files : {});
    expect(streamedFiles['relationships.csv']?.split('\r\n').length).toBeGreaterThan(2_000);
    // RDF: a first pass for the vocabulary, then each article, entity and relation with the triples others give it
    // (the hub's direct triples span pages of relations).
    await expectRdfAsInMemory(store, graph);
  });

  test('RDF of the whole graph: direct triples both ways of a symmetric relation, none for a negated or hypothetical one, a self-loop once', async () => {
    const graph = emptyNewsGraph();
    for (const id of ['a', 'b', 'c']) addEntity(graph, { id, kind: 'PERSON', name: `Person ${id}`, properties: {} });
    addRelation(graph, { id: 'met', predicate: 'MET_WITH', subject: 'a', object: 'b', symmetric: true });
    addRelation(graph, { id: 'met-again', predicate: 'MET_WITH', subject: 'b', object: 'a', symmetric: true }); // the same two triples
    addRelation(graph, { id: 'self', predicate: 'MET_WITH', subject: 'c', object: 'c', symmetric: true });
    addRelation(graph, { id: 'not', predicate: 'REJECTED', subject: 'a', object: 'c', negated: true });
    addRelation(graph, { id: 'maybe', predicate: 'REJECTED', subject: 'b', object: 'c', modality: 'hypothetical' });
    addRelation(graph, { id: 'said', predicate: 'REJECTED', subject: 'c', object: 'a', modality: 'alleged' });
    const store = await load(graph);
    const ntriples = await expectRdfAsInMemory(store, graph, 'https://example.org/ng/');
    const direct = ntriples.split('\n').filter((line) => /^<https:\/\/example\.org\/ng\/entity\/[abc]> <[^>]*#(?:MET_WITH|REJECTED)>/u.test(line));
    const local = (line: string): string => line.replace(/<[^>]*[/#]([^/#>]*)>/gu, '$1').replace(/ \.$/u, '');
    expect(direct.map(local).sort()).toEqual(['a MET_WITH b', 'b MET_WITH a', 'c MET_WITH c', 'c REJECTED a']);
  });

  test('RDF of entities and relations of many anchors, written in slices, is still the in-memory export', async () => {
    const graph = emptyNewsGraph();
    const many = (n: number, quote: string) => Array.from({ length: n }, () => anchor(quote));
    const anchors = SLICED_FROM_ANCHORS + 200;
    // A property node (nested), a history of reports, anchors past the slicing threshold, direct triples both ways.
    addEntity(graph, { id: 'head', kind: 'PERSON', name: 'Head of State', properties: { office: { title: 'President', term: { from: 2019 } } }, evidence: many(anchors, 'rejected') });
    addEntity(graph, {
      id: 'summit',
      kind: 'EVENT',
      name: 'The summit',
      properties: { eventType: 'MEETING', status: 'occurred', timeText: 'Thursday', fatalities: { min: 2 } },
      history: [
        { status: 'planned', article: 'sample-article', published: '2025-04-24' },
        { status: 'occurred', article: 'sample-article', published: '2025-04-24' },
      ],
      evidence: many(anchors, 'Crimea'),
    });
    addEntity(graph, { id: 'other', kind: 'GOVERNMENT', name: 'Other', properties: {} });
    addRelation(graph, { id: 'met', predicate: 'MET_WITH', subject: 'head', object: 'other', symmetric: true, evidence: many(anchors, 'rejected') });
    addRelation(graph, { id: 'rejected', predicate: 'REJECTED', subject: 'other', object: 'head' });
    const store = await load(graph);
    const ntriples = await expectRdfAsInMemory(store, graph);
    expect(ntriples.split('\n').filter((line) => line.includes('/entity/head/evidence/') && line.includes('#Annotation>'))).toHaveLength(anchors);
  });

  test('every laid-out format of elements of many anchors, written in pieces from the store, is the in-memory export', async () => {
    const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
    const store = await load(graph);
    for (const format of ['graphml', 'gexf', 'json', 'cytoscape', 'cypher'] as const) {
      const exported = await storeWholeExport(format, await store.corpusElements());
      let streamed = '';
      let longest = 0;
      for await (const text of exported.kind === 'text' ? exported.chunks : []) {
        streamed += text;
        longest = Math.max(longest, text.length);
      }
      // gexf: graphology-gexf's own writer, each element whole; json and cytoscape: JSON.stringify's.
      const inMemory = exportGraph(graph, format);
      expect(streamed).toBe(inMemory.kind === 'text' ? inMemory.text : '');
      expect(streamed.length).toBeGreaterThan(4 * longest); // the head's element came in pieces
    }
    const csv = await storeWholeExport('csv', await store.corpusElements());
    const inMemory = exportGraph(graph, 'csv');
    for (const file of csv.kind === 'files' ? csv.files.slice(0, 2) : []) {
      let streamed = '';
      for await (const text of file.chunks) streamed += text;
      expect(streamed).toBe(inMemory.kind === 'files' ? inMemory.files[file.name] : '');
    }
  });

  test('RDF of the whole graph is refused before a byte for a bad base IRI, as in memory', async () => {
    const store = await load(hubGraph());
    await expect(storeWholeExport('turtle', await store.corpusElements(), { baseIri: 'not an iri' })).rejects.toThrow(/The base IRI "not an iri" is not an absolute IRI/u);
  });

  test("dot's stand-in ids, for ids DOT cannot quote, are the in-memory export's: numbered in order, past the ids they would equal", async () => {
    const graph = emptyNewsGraph();
    for (const id of ['a\\b', '_n0', 'plain', 'line\nbreak', '_n2', 'c\\d']) addEntity(graph, { id, kind: 'PERSON', name: `Name of ${id}`, properties: {} });
    addRelation(graph, { id: 'r1', predicate: 'MET_WITH', subject: 'a\\b', object: 'line\nbreak' });
    addRelation(graph, { id: 'r2', predicate: 'CRITICIZED', subject: '_n0', object: 'c\\d' });
    const store = await load(graph);
    const dot = await storeWholeExport('dot', await store.corpusElements());
    let streamed = '';
    for await (const text of dot.kind === 'text' ? dot.chunks : []) streamed += text;
    const inMemory = exportGraph(graph, 'dot');
    expect(streamed).toBe(inMemory.kind === 'text' ? inMemory.text : '');
    // a\b is _n1 (_n0 is an entity's own id), line\nbreak _n3, c\d _n4.
    expect(streamed).toContain('"_n1" -> "_n3"');
    expect(streamed).toContain('"_n0" -> "_n4"');
  });

  test("csv's array delimiter is the one the in-memory export picks, and a corpus where none fits is refused before a byte", async () => {
    for (const [aliases, delimiter] of [[['Hub; the first'], '|'], [['a;b|c^d', 'e~f'], undefined]] as const) {
      const graph = (await seedGraph()).copy(); // the seed is shared by the file's tests
      graph.mergeNodeAttributes('ukraine', { aliases: [...graph.getNodeAttribute('ukraine', 'aliases'), ...aliases] });
      const store = await load(graph);
      const exported = storeWholeExport('csv', await store.corpusElements());
      if (delimiter === undefined) {
        await expect(exported).rejects.toThrow(/csv: every array delimiter \(; \| \^ ~\) occurs in some alias or article id/u);
        expect(() => exportGraph(graph, 'csv')).toThrow(/every array delimiter/u);
        continue;
      }
      const files = await exported;
      if (files.kind !== 'files') throw new Error('csv is files');
      let script = '';
      for await (const text of files.files[3]?.chunks ?? []) script += text;
      expect(script).toMatch(new RegExp(`--array-delimiter='\\${delimiter}'`, 'u'));
      const inMemory = exportGraph(graph, 'csv');
      expect(script).toBe(inMemory.kind === 'files' ? inMemory.files['neo4j-admin-import.sh'] : '');
    }
  });

  test('an export read page by page is cut, not made of two corpora, when a load replaces the corpus', async () => {
    const hub = hubGraph(); // 2,649 relations: three pages
    const store = await load(hub);
    const pages = (await store.corpusElements()).edges()[Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.done).toBe(false);
    expect(first.value?.[0]?.edge).toBe('r0');
    const { identity } = await loadGraphIntoPostgres(fixture.url, await seedGraph());
    // A page read before the switch (the next one is read ahead) may still come; then the export is cut, whether or
    // not the store has heard of the load yet (each page's statement reads its corpus's identity).
    const afterLoad: string[] = [];
    const rest = async (): Promise<void> => {
      for (let next = await pages.next(); next.done !== true; next = await pages.next()) afterLoad.push(...next.value.map((e) => e.edge));
    };
    await expect(rest()).rejects.toThrow(CorpusReplacedError);
    expect(afterLoad.length).toBeLessThan(hub.size - (first.value?.length ?? 0));
    expect(afterLoad.filter((id) => !hub.hasEdge(id))).toEqual([]);
    // A new export reads the new corpus, once the store has heard of it (its notification, just after the commit).
    for (let waited = 0; waited < 250 && (await store.identity()).id !== identity.id; waited++) await new Promise((resolve) => setTimeout(resolve, 20));
    const seed = await seedGraph();
    let nodes = 0;
    for await (const page of (await store.corpusElements()).nodes()) nodes += page.length;
    expect(nodes).toBe(seed.order);
  });

  test('a page of records holds about a megabyte of them, so a corpus of large records is not read in one go', async () => {
    // Four entities of about 600 KB each (random text: it does not compress), then small ones.
    const graph = hubGraph();
    const large = emptyNewsGraph();
    for (let i = 0; i < 4; i++) addEntity(large, { id: `large${i}`, kind: 'PERSON', name: `Large ${i}`, description: randomBytes(450_000).toString('base64'), properties: {} });
    graph.forEachNode((id, attributes) => large.addNode(id, attributes));
    graph.forEachEdge((id, attributes, source, target) => large.addEdgeWithKey(id, source, target, attributes));
    const store = await load(large);
    const sizes: number[] = [];
    for await (const page of (await store.corpusElements()).nodes()) sizes.push(page.length);
    expect(sizes[0]).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(large.order);
    let streamed = '';
    for await (const text of laidOutText('graphml', await store.corpusElements())) streamed += text;
    const inMemory = exportGraph(large, 'graphml');
    expect(streamed).toBe(inMemory.kind === 'text' ? inMemory.text : '');
  });

  test('the round-trips of a GraphQL answer do not grow with its length (entity look-ups are batched)', async () => {
    // The seed graph: a page of 60 relations would cost 120+ entity look-ups one by one. Once the execution
    // budget's 4 ms slice has passed (executionBudget.ts), fields resolve one per turn of the event loop; the
    // batch stays open across such turns (entityBatch.ts), so a few round-trips answer the page.
    const store = await load(await seedGraph());
    const roundTrips = async (first: number): Promise<number> => {
      const query = `{ relations(first: ${first}) { edges { node { id subject { id name } object { id name } event { id } } } } }`;
      const before = store.statementCount;
      const result = await executeQuery(store, query);
      expect(result.errors).toBeUndefined();
      expect((result.data as { relations: { edges: unknown[] } }).relations.edges).toHaveLength(first);
      return store.statementCount - before;
    };
    // Cold, the first long answer runs slowly enough to be sliced many times (33 seen): warm first.
    await roundTrips(1);
    await roundTrips(60);
    const one = await roundTrips(1);
    const sixty = await roundTrips(60);
    expect(one).toBeGreaterThanOrEqual(1);
    // A batch stays open across the budget's yields (entityBatch.ts): a few round-trips, not one per relation.
    expect(sixty).toBeLessThan(20);
  });
});
