/**
 * The example questions of issue 2, asked of the seed article's graph in-process (executeOperation) and
 * over real HTTP: the answers come from the built graph, and the article's specific facts are asserted.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createApolloServer, startServer, type RunningServer } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { askInProcess, askOverHttp, at, dataOf, idsAt, listAt, seedGraph, type Ask } from './seed.js';

let graph: NewsGraph;
let server: RunningServer;
const transports: Record<'in-process' | 'http', () => Ask> = {
  'in-process': () => askInProcess(createApolloServer(graph)),
  http: () => askOverHttp(server.url),
};

beforeAll(async () => {
  graph = await seedGraph();
  server = await startServer({ graph, port: 0, handleSignals: false });
});
afterAll(async () => {
  await server.close();
});

/** Relations of the graph with a predicate that hold (or, with negated, do not), as "subject>object". */
function pairsInGraph(predicate: string, negated = false): string[] {
  return graph
    .filterEdges((_, r) => r.predicate === predicate && r.negated === negated)
    .map((e) => `${graph.source(e)}>${graph.target(e)}`)
    .sort();
}

async function idOf(ask: Ask, text: string, kind: string): Promise<string> {
  const data = dataOf(await ask(`query($t: String!, $k: EntityKind) { search(text: $t, kind: $k, limit: 1) { id } }`, { t: text, k: kind }));
  return String(at(data, 'search', 0, 'id'));
}

describe.each(['in-process', 'http'] as const)('%s', (transport) => {
  let ask: Ask;
  beforeAll(() => {
    ask = transports[transport]();
  });

  test('who rejected which proposal, and which condition of it', async () => {
    const data = dataOf(
      await ask(`{ relations(predicate: ["REJECTED"], negated: false) { totalCount edges { node {
        subject { id } object { id ... on Proposal { partOf { id name } } } evidence { exact } } } } }`),
    );
    const edges = listAt(data, 'relations', 'edges');
    const pairs = edges.map((e) => `${String(at(e, 'node', 'subject', 'id'))}>${String(at(e, 'node', 'object', 'id'))}`).sort();
    expect(pairs).toEqual(pairsInGraph('REJECTED'));
    expect(pairs).toContain('ukraine>crimea-condition');
    const crimea = edges.find((e) => at(e, 'node', 'object', 'id') === 'crimea-condition');
    expect(idsAt(crimea, 'node', 'object', 'partOf')).toContain(await idOf(ask, 'U.S. framework', 'PROPOSAL'));
    expect(String(at(crimea, 'node', 'evidence', 0, 'exact'))).toMatch(/Ukraine has rejected/);

    const ukraine = dataOf(await ask(`{ entity(id: "ukraine") { ... on Government { rejected { id } } } }`));
    expect(idsAt(ukraine, 'entity', 'rejected')).toEqual(['crimea-condition']);
  });

  test('who has not endorsed the U.S. framework, and who resists it', async () => {
    const framework = await idOf(ask, 'U.S. framework', 'PROPOSAL');
    const data = dataOf(
      await ask(
        `query($id: ID!) { entity(id: $id) { ... on Proposal {
          endorsedBy { id } notEndorsedBy: endorsedBy(negated: true) { id } resistedBy { id } proposedBy { id } conditions { id } } } }`,
        { id: framework },
      ),
    );
    expect(idsAt(data, 'entity', 'notEndorsedBy')).toEqual(['russia', 'ukraine']);
    expect(idsAt(data, 'entity', 'endorsedBy')).not.toContain('russia');
    expect(idsAt(data, 'entity', 'endorsedBy')).not.toContain('ukraine');
    expect(idsAt(data, 'entity', 'endorsedBy')).toEqual(pairsInGraph('ENDORSED').filter((p) => p.endsWith(`>${framework}`)).map((p) => p.split('>')[0]));
    expect(idsAt(data, 'entity', 'resistedBy')).toEqual(['russia', 'ukraine']);
    expect(idsAt(data, 'entity', 'conditions')).toContain('crimea-condition');
    expect(idsAt(data, 'entity', 'proposedBy')).toEqual(pairsInGraph('PROPOSED').filter((p) => p.endsWith(`>${framework}`)).map((p) => p.split('>')[0]).sort());
  });

  test('the negated ENDORSED relations are never returned as holding', async () => {
    const holding = dataOf(await ask(`{ relations(predicate: ["ENDORSED"], negated: false) { totalCount } }`));
    const negated = dataOf(await ask(`{ relations(predicate: ["ENDORSED"], negated: true) { edges { node { negated subject { id } } } } }`));
    expect(at(holding, 'relations', 'totalCount')).toBe(pairsInGraph('ENDORSED').length);
    const nodes = listAt(negated, 'relations', 'edges').map((e) => at(e, 'node'));
    expect(nodes.every((n) => at(n, 'negated') === true)).toBe(true);
    expect(nodes.map((n) => String(at(n, 'subject', 'id'))).sort()).toEqual(['russia', 'ukraine']);
    const russia = dataOf(await ask(`{ entity(id: "russia") { ... on Actor { endorsed { id } notEndorsed: endorsed(negated: true) { id } } } }`));
    expect(idsAt(russia, 'entity', 'endorsed')).toEqual([]);
    expect(idsAt(russia, 'entity', 'notEndorsed')).toEqual([await idOf(ask, 'U.S. framework', 'PROPOSAL')]);
    const trump = dataOf(await ask(`{ entity(id: "donald-trump") { ... on Actor { alignedWith { id } noAllegiance: alignedWith(negated: true) { id } } } }`));
    expect(idsAt(trump, 'entity', 'noAllegiance')).toEqual(['russia', 'ukraine']);
    expect(idsAt(trump, 'entity', 'alignedWith')).toEqual([]);
  });

  test('Entity.relations includes negated relations unless includeNegated: false; direction picks the end', async () => {
    const data = dataOf(
      await ask(`{ entity(id: "russia") {
        all: relations { id negated } holding: relations(includeNegated: false) { id negated }
        out: relations(direction: OUT) { id } in: relations(direction: IN) { id } } }`),
    );
    const touching = graph.filterEdges((_, r) => r.subject === 'russia' || r.object === 'russia');
    expect(listAt(data, 'entity', 'all').map((r) => at(r, 'id'))).toEqual(touching);
    const negated = touching.filter((id) => graph.getEdgeAttribute(id, 'negated'));
    expect(negated.length).toBeGreaterThan(0); // "has not endorsed", "no allegiance"
    const holding = listAt(data, 'entity', 'holding');
    expect(holding.map((r) => at(r, 'id'))).toEqual(touching.filter((id) => !negated.includes(id)));
    expect(holding.every((r) => at(r, 'negated') === false)).toBe(true);
    // A symmetric relation (MET_WITH, CONTRADICTS) is at either end whichever way it was stored.
    const atEnd = (end: 'subject' | 'object'): string[] => touching.filter((id) => graph.getEdgeAttribute(id, end) === 'russia' || graph.getEdgeAttribute(id, 'symmetric'));
    expect(listAt(data, 'entity', 'out').map((r) => at(r, 'id'))).toEqual(atEnd('subject'));
    expect(listAt(data, 'entity', 'in').map((r) => at(r, 'id'))).toEqual(atEnd('object'));
    expect(atEnd('subject').length).toBeGreaterThan(0);
    expect(atEnd('object').length).toBeGreaterThan(0);
  });

  test('who met whom, and where', async () => {
    const data = dataOf(
      await ask(`{ relations(predicate: ["MET_WITH"]) { edges { node { negated subject { id } object { id }
        event { id ... on Event { locations { id kind name } status } } } } } }`),
    );
    const edges = listAt(data, 'relations', 'edges').map((e) => at(e, 'node'));
    expect(edges.map((n) => `${String(at(n, 'subject', 'id'))}>${String(at(n, 'object', 'id'))}`).sort()).toEqual(pairsInGraph('MET_WITH'));
    const store = await idOf(ask, 'Støre', 'PERSON');
    const meeting = edges.find((n) => [at(n, 'subject', 'id'), at(n, 'object', 'id')].includes(store));
    expect(meeting).toBeDefined();
    expect([at(meeting, 'subject', 'id'), at(meeting, 'object', 'id')].sort()).toEqual(['donald-trump', store].sort());
    const location = at(meeting, 'event', 'locations', 0);
    expect(at(location, 'kind')).toBe('PLACE');
    expect(at(location, 'name')).toMatch(/White House/);
    expect(at(meeting, 'event', 'status')).toBe('occurred');

    // MET_WITH is symmetric: Støre's side sees the same meeting.
    const fromStore = dataOf(await ask(`query($id: ID!) { entity(id: $id) { ... on Person { metWith { id } } } }`, { id: store }));
    expect(idsAt(fromStore, 'entity', 'metWith')).toEqual(['donald-trump']);
    const white = dataOf(await ask(`{ search(text: "White House", kind: PLACE) { ... on Place { events { id eventType } } } }`));
    expect(listAt(white, 'search', 0, 'events').map((e) => at(e, 'eventType'))).toContain('MEETING');
  });

  test('who rebuked whom, through which medium, and what they urged', async () => {
    const data = dataOf(
      await ask(`{ entity(id: "donald-trump") { ... on Person {
        rebuked { id }
        urged { target { id } to event { id } }
        events(role: ["AGENT"]) { id eventType media { id name } targets { id } }
      } } }`),
    );
    expect(idsAt(data, 'entity', 'rebuked')).toEqual(['vladimir-putin']);
    const urged = listAt(data, 'entity', 'urged');
    expect(urged).toHaveLength(1);
    expect(at(urged[0], 'target', 'id')).toBe('vladimir-putin');
    expect(at(urged[0], 'to')).toBe('halt the attacks');
    const rebukeId = at(urged[0], 'event', 'id');
    const rebuke = listAt(data, 'entity', 'events').find((e) => at(e, 'id') === rebukeId);
    expect(at(rebuke, 'eventType')).toBe('REBUKE');
    expect(idsAt(rebuke, 'targets')).toEqual(['vladimir-putin']);
    expect(at(rebuke, 'media', 0, 'name')).toBe('Truth Social');

    const viaRelations = dataOf(await ask(`{ relations(predicate: ["REBUKED"]) { edges { node { subject { id } object { id } event { ... on Event { media { id } } } } } } }`));
    const rebukes = listAt(viaRelations, 'relations', 'edges');
    expect(rebukes.map((e) => `${String(at(e, 'node', 'subject', 'id'))}>${String(at(e, 'node', 'object', 'id'))}`)).toEqual(pairsInGraph('REBUKED'));
    expect(idsAt(rebukes[0], 'node', 'event', 'media')).toEqual(['truth-social']);
  });

  test('who holds which position in which government', async () => {
    const data = dataOf(await ask(`{ entities(kind: PERSON, first: 200) { edges { node { id ... on Person { positions { title of { id kind } } } } } } }`));
    const held = listAt(data, 'entities', 'edges').flatMap((e) =>
      listAt(e, 'node', 'positions').map((p) => `${String(at(e, 'node', 'id'))}: ${String(at(p, 'title'))} of ${String(at(p, 'of', 'id'))}`),
    );
    expect(held.length).toBe(pairsInGraph('HOLDS_POSITION').length);
    expect(held).toEqual(
      expect.arrayContaining([
        'donald-trump: President of united-states',
        'vladimir-putin: President of russia',
        'jonas-gahr-store: Prime Minister of norway',
        'marco-rubio: Secretary of State of united-states',
        'steve-witkoff: Special Envoy of united-states',
      ]),
    );
    const us = dataOf(await ask(`{ entity(id: "united-states") { ... on Government { members { title holder { id } } parts { id } } } }`));
    expect(listAt(us, 'entity', 'members').map((m) => String(at(m, 'holder', 'id'))).sort()).toEqual(
      pairsInGraph('HOLDS_POSITION').filter((p) => p.endsWith('>united-states')).map((p) => p.split('>')[0]),
    );
    expect(idsAt(us, 'entity', 'parts')).toContain('state-department');
  });

  test('which claims contradict each other, and who asserted each', async () => {
    const data = dataOf(
      await ask(`{ claims(contradicted: true) { id name modality assertedBy { id } reportedBy { id } contradicts { id assertedBy { id } reportedBy { id } } } }`),
    );
    const claims = listAt(data, 'claims');
    const contradicting = pairsInGraph('CONTRADICTS');
    expect(claims.map((c) => String(at(c, 'id'))).sort()).toEqual([...new Set(contradicting.flatMap((p) => p.split('>')))].sort());
    const headway = claims.find((c) => String(at(c, 'name')).includes('significant headway'));
    const impasse = claims.find((c) => String(at(c, 'name')).includes('impasse'));
    expect(idsAt(headway, 'contradicts')).toEqual([String(at(impasse, 'id'))]);
    expect(idsAt(impasse, 'contradicts')).toEqual([String(at(headway, 'id'))]);
    expect(idsAt(headway, 'assertedBy')).toEqual(['donald-trump']);
    expect(idsAt(impasse, 'reportedBy').length).toBeGreaterThan(0);
    const uncontradicted = dataOf(await ask(`{ claims(contradicted: false) { id } all: claims { id } }`));
    expect(listAt(uncontradicted, 'claims').length + claims.length).toBe(listAt(uncontradicted, 'all').length);
  });

  test('name search is case-, diacritic- and alias-insensitive, best match first', async () => {
    const data = dataOf(
      await ask(`{ a: search(text: "Støre") { id } b: search(text: "gahr store") { id } c: search(text: "STORE") { id }
        d: search(text: "Moscow") { id } e: search(text: "Kyiv", kind: PLACE) { id } f: search(text: "Kyiv", kind: GOVERNMENT) { id } }`),
    );
    const first = (alias: string): unknown => at(data, alias, 0, 'id');
    expect(first('a')).toBe('jonas-gahr-store');
    expect(first('b')).toBe(first('a'));
    expect(first('c')).toBe(first('a'));
    expect(first('d')).toBe('russia');
    expect(first('e')).toBe('kyiv');
    expect(first('f')).toBe('ukraine');
  });

  test('timeline, path and neighbourhood', async () => {
    const data = dataOf(
      await ask(`{ timeline { id time status }
        path(from: "jonas-gahr-store", to: "vladimir-putin") { predicate subject { id } object { id } negated modality }
        self: path(from: "russia", to: "russia") { id }
        entity(id: "kyiv-attack") { neighbors(depth: 1) { distance entity { id } } } }`),
    );
    const timeline = listAt(data, 'timeline');
    expect(timeline.length).toBe(graph.filterNodes((_, e) => e.kind === 'EVENT').length);
    // The seed dates no event (its one resolved time is on a relation), so this holds trivially there;
    // tests/api/timeline.test.ts orders and filters dated events.
    const dated = timeline.map((e) => at(e, 'time')).filter((t): t is string => typeof t === 'string');
    expect(dated).toEqual([...dated].sort((a, b) => a.replace(/^\.\.\//, '').localeCompare(b.replace(/^\.\.\//, ''))));
    const path = listAt(data, 'path');
    expect(path.length).toBeGreaterThan(0);
    expect(path.every((r) => at(r, 'negated') === false && at(r, 'modality') !== 'background')).toBe(true);
    expect(listAt(data, 'self')).toEqual([]);
    const neighbors = listAt(data, 'entity', 'neighbors').map((n) => String(at(n, 'entity', 'id')));
    expect(neighbors).toEqual(expect.arrayContaining(['russia', 'kyiv']));
  });

  test('evidence traces to the exact words of the article', async () => {
    const data = dataOf(
      await ask(`{ relations(first: 200) { edges { node { evidence { exact start end sentence sentenceText article { id text } } } } } }`),
    );
    for (const edge of listAt(data, 'relations', 'edges')) {
      for (const evidence of listAt(edge, 'node', 'evidence')) {
        const text = [...String(at(evidence, 'article', 'text'))];
        expect(text.slice(Number(at(evidence, 'start')), Number(at(evidence, 'end'))).join('')).toBe(at(evidence, 'exact'));
        expect(String(at(evidence, 'sentenceText'))).toContain(String(at(evidence, 'exact')));
      }
    }
  });
});
