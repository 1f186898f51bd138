// Query benchmark, in-process: a 2-hop neighbourhood through GraphQL beside the same answer hand-written over
// graphology, and name search p50/p99, on the built data graph and on a synthetic corpus-sized graph made here.
// Figures vary between machines and runs (and under load: say so); compare the ratios measured in the same run.
// Usage: npm run build && node bench/query.mjs [--entities 100000] [--relations 300000] [--rounds 2000]
//        node bench/query.mjs --snapshot FILE [--rounds 300] [--budget-ms 4000]: on a corpus snapshot (what
//        `npm run bench` runs on its largest corpus): every playground question in-process (as written, and
//        with its variables naming entities of the corpus), name search, and GraphQL vs hand-written; prints
//        the figures, then one JSON line.
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    relations: { type: 'string', default: '300000' },
    rounds: { type: 'string' },
    snapshot: { type: 'string' },
    'budget-ms': { type: 'string', default: '4000' },
  },
});
// On a corpus, graphql-js runs in production mode, as the `newsgraph` command runs it (src/cli/bin.ts; without
// it graphql-js checks every type test across realms); set before graphql is loaded.
if (values.snapshot !== undefined) process.env.NODE_ENV ??= 'production';
const { execute, parse } = await import('graphql');
const { PLAYGROUND_EXAMPLES } = await import('../dist/api/examples.js');
const { buildGraph, createSchema, executeQuery, graphIndex, loadSnapshot, searchEntities } = await import('../dist/index.js');
const { syntheticGraph } = await import('./syntheticGraph.mjs');
const ROUNDS = Number(values.rounds ?? (values.snapshot === undefined ? 2000 : 300));
/** On a corpus, a case stops after this many milliseconds of samples (at least 30 samples), so that a slow question cannot hold the run. */
const BUDGET_MS = values.snapshot === undefined ? Infinity : Number(values['budget-ms']);

// ---------------------------------------------------------------------------------------------------------
// Timing: each case runs ROUNDS times after a warm-up; median, p99 and the spread (p90 - p10) in microseconds.

async function time(run) {
  const warmUntil = performance.now() + BUDGET_MS / 4;
  for (let i = 0; i < Math.min(200, ROUNDS) && (i < 5 || performance.now() < warmUntil); i++) await run(i);
  const all = new Float64Array(ROUNDS);
  const stopAt = performance.now() + BUDGET_MS;
  let n = 0;
  for (; n < ROUNDS && (n < 30 || performance.now() < stopAt); n++) {
    const start = process.hrtime.bigint();
    await run(n);
    all[n] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const samples = all.subarray(0, n).sort();
  const at = (q) => samples[Math.min(n - 1, Math.floor(q * n))];
  return { p50: at(0.5), p99: at(0.99), spread: at(0.9) - at(0.1), rounds: n };
}

const us = (n) => `${n.toFixed(1).padStart(9)} µs`;
const ms = (n) => `${(n / 1000).toFixed(2).padStart(7)} ms`;

// ---------------------------------------------------------------------------------------------------------
// The question: the entities within 2 relations of one, nearest first, at most 50 (the `first` default).

const NEIGHBOURHOOD = parse(`query ($id: ID!) { entity(id: $id) { id neighbors(depth: 2, first: 50) { distance entity { id name kind } } } }`);
const NEIGHBOURHOOD_TEXT = `query ($id: ID!) { entity(id: $id) { id neighbors(depth: 2, first: 50) { distance entity { id name kind } } } }`;

/** The same answer, hand-written over graphology: BFS, two rings, stopping at 50 neighbours. */
function handWritten(graph, id) {
  const distance = new Map([[id, 0]]);
  const order = [];
  let frontier = [id];
  for (let step = 1; step <= 2 && frontier.length > 0 && order.length < 50; step++) {
    const next = [];
    for (const current of frontier) {
      // findEdge stops when the callback returns true: at the 50th neighbour, as the store does.
      graph.findEdge(current, (_edge, _attributes, source, target) => {
        const other = source === current ? target : source;
        if (distance.has(other)) return false;
        distance.set(other, step);
        order.push(other);
        next.push(other);
        return order.length >= 50;
      });
      if (order.length >= 50) break;
    }
    frontier = next;
  }
  return {
    entity: {
      id,
      neighbors: order.map((n) => {
        const e = graph.getNodeAttributes(n);
        return { distance: distance.get(n), entity: { id: e.id, name: e.name, kind: e.kind } };
      }),
    },
  };
}

async function neighbourhoodFigures(label, graph, centre) {
  const schema = createSchema(graph);
  const viaExecute = await execute({ schema, document: NEIGHBOURHOOD, variableValues: { id: centre } });
  const viaApollo = await executeQuery(graph, NEIGHBOURHOOD_TEXT, { variables: { id: centre } });
  const expected = handWritten(graph, centre);
  // The same answer, or the comparison means nothing: as many neighbours, each at its true distance (graphology
  // reads a node's out-edges before its in-edges, the store reads them in graph order, so where the bound of 50
  // cuts a ring, the two may keep different members of it).
  const truth = new Map([[centre, 0]]);
  let ring = [centre];
  for (let step = 1; step <= 2; step++) {
    const next = [];
    for (const n of ring) graph.forEachNeighbor(n, (m) => { if (!truth.has(m)) { truth.set(m, step); next.push(m); } });
    ring = next;
  }
  const same = (data) => {
    const got = JSON.parse(JSON.stringify(data)).entity.neighbors;
    return got.length === expected.entity.neighbors.length && got.every((n) => truth.get(n.entity.id) === n.distance) &&
      isDeepStrictEqual(got.map((n) => n.distance), expected.entity.neighbors.map((n) => n.distance));
  };
  if (!same(viaExecute.data) || !same(viaApollo.data)) {
    console.error(JSON.stringify({ expected, got: viaExecute.data, errors: viaExecute.errors ?? viaApollo.errors }).slice(0, 2000));
    throw new Error(`${label}: GraphQL and the hand-written traversal disagree`);
  }
  const base = await time(() => handWritten(graph, centre));
  const core = await time(() => execute({ schema, document: NEIGHBOURHOOD, variableValues: { id: centre } }));
  const full = await time(() => executeQuery(graph, NEIGHBOURHOOD_TEXT, { variables: { id: centre } }));
  console.log(`\n${label}: 2-hop neighbourhood of "${centre}" (${expected.entity.neighbors.length} neighbours), ${ROUNDS} rounds`);
  console.log(`  ${'hand-written over graphology (baseline)'.padEnd(52)} p50 ${us(base.p50)}  p99 ${us(base.p99)}  spread ${us(base.spread)}`);
  console.log(`  ${'GraphQL execute() over the store'.padEnd(52)} p50 ${us(core.p50)}  p99 ${us(core.p99)}  spread ${us(core.spread)}  ${(core.p50 / base.p50).toFixed(1)}x`);
  console.log(`  ${'executeQuery() (Apollo pipeline: limits, masking)'.padEnd(52)} p50 ${us(full.p50)}  p99 ${us(full.p99)}  spread ${us(full.spread)}  ${(full.p50 / base.p50).toFixed(1)}x`);
  return { centre, neighbours: expected.entity.neighbors.length, handWritten: base, execute: core, executeQuery: full, executeRatio: core.p50 / base.p50, executeQueryRatio: full.p50 / base.p50 };
}

async function searchFigures(label, graph, queries) {
  searchEntities(graph, 'warm the index');
  const t = await time((i) => searchEntities(graph, queries[i % queries.length], { limit: 10 }));
  console.log(`  ${`name search, ${queries.length} queries round-robin`.padEnd(52)} p50 ${ms(t.p50)}  p99 ${ms(t.p99)}  spread ${ms(t.spread)}`);
  return { queries: queries.length, ...t };
}

/** Search queries a researcher types: whole names, surnames, prefixes, a lower-case fragment, a miss. */
function queriesFor(graph) {
  const names = [];
  graph.forEachNode((_id, e) => names.push(e.name));
  const pick = (i) => names[(i * 7919) % names.length];
  const queries = [];
  for (let i = 0; i < 50; i++) {
    const name = pick(i);
    const [first, last = first] = name.split(' ');
    queries.push(name, last, first.slice(0, 3), `${first.slice(0, 2)} ${last.slice(0, 2)}`.toLowerCase(), last.slice(1, 5).toLowerCase());
  }
  queries.push('zzqx nothing', 'Støre', 'store');
  return queries;
}

// ---------------------------------------------------------------------------------------------------------
// On a corpus snapshot: every playground question, in-process, through the same pipeline as the server.

/** The most mentioned entity of a kind (by articles), or undefined. */
function mostMentioned(graph, kind, accept = () => true) {
  let best;
  graph.forEachNode((_id, e) => {
    if (e.kind === kind && accept(e) && (best === undefined || e.articles.length > best.articles.length || (e.articles.length === best.articles.length && e.id < best.id))) best = e;
  });
  return best;
}

/**
 * The playground's questions name the seed article's entities; on a generated corpus each is also asked about
 * the corpus's own (the most mentioned person, proposal, place, meeting), which is what a user of that corpus asks.
 */
function corpusVariables(graph, example) {
  const people = [];
  graph.forEachNode((_id, e) => e.kind === 'PERSON' && people.push(e));
  people.sort((x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : 1));
  const [top, second = top] = people;
  const middle = people[Math.floor(people.length / 2)] ?? top;
  const proposal = mostMentioned(graph, 'PROPOSAL');
  const place = mostMentioned(graph, 'PLACE');
  const meeting = mostMentioned(graph, 'EVENT');
  const pick = {
    from: top?.id,
    to: middle?.id === top?.id ? second?.id : middle?.id,
    text: top?.name.split(' ').at(-1),
    proposal: proposal?.name,
    place: place?.name,
    id: meeting?.id,
  };
  if (example.variables === undefined) return undefined;
  const variables = {};
  for (const name of Object.keys(example.variables)) {
    if (pick[name] === undefined) return undefined;
    variables[name] = pick[name];
  }
  return variables;
}

async function corpusFigures(file) {
  const loadStart = performance.now();
  const graph = await loadSnapshot(file);
  const articles = graph.getAttribute('articles').length;
  console.log(`Corpus snapshot: ${articles} articles, ${graph.order} entities, ${graph.size} relations (loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s)`);
  graphIndex(graph);
  const cases = [];
  for (const example of PLAYGROUND_EXAMPLES) {
    cases.push({ name: example.operationName, variant: 'as written', query: example.query, variables: example.variables, operationName: example.operationName });
    const own = corpusVariables(graph, example);
    if (own !== undefined) cases.push({ name: example.operationName, variant: 'corpus entities', query: example.query, variables: own, operationName: example.operationName });
  }
  const questions = [];
  console.log(`\nEvery playground question through executeQuery() (the server's pipeline), ${ROUNDS} rounds or ${BUDGET_MS} ms each:`);
  for (const c of cases) {
    const options = { variables: c.variables, operationName: c.operationName };
    const first = await executeQuery(graph, c.query, options);
    const codes = (first.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
    const refused = codes.some((code) => code !== 'NOT_FOUND');
    const t = await time(() => executeQuery(graph, c.query, options));
    const bytes = Buffer.byteLength(JSON.stringify(first));
    questions.push({ name: c.name, variant: c.variant, variables: c.variables ?? null, errors: codes, refused, bytes, ...t });
    console.log(`  ${`${c.name} (${c.variant})`.padEnd(52)} p50 ${ms(t.p50)}  p99 ${ms(t.p99)}  ${String(bytes).padStart(8)} B${codes.length > 0 ? `  errors: ${codes.join(', ')}` : ''}`);
  }
  const search = await searchFigures('corpus', graph, queriesFor(graph));
  const people = [];
  graph.forEachNode((_id, e) => e.kind === 'PERSON' && people.push(e));
  people.sort((x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : 1));
  const hub = await neighbourhoodFigures('corpus, the most mentioned person', graph, people[0].id);
  const typical = await neighbourhoodFigures('corpus, a typical person', graph, people[Math.floor(people.length / 2)].id);
  return { articles, entities: graph.order, relations: graph.size, nodeEnv: process.env.NODE_ENV ?? null, rounds: ROUNDS, budgetMs: BUDGET_MS, questions, search, neighbourhood: { hub, typical } };
}

if (values.snapshot !== undefined) {
  console.log(`newsgraph query benchmark on a corpus (node ${process.version}, NODE_ENV=${process.env.NODE_ENV}); the machine is shared, figures taken under load are noisy.`);
  const figures = await corpusFigures(values.snapshot);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------

console.log(`newsgraph query benchmark (node ${process.version}); medians, p99 and spread (p90 - p10) of ${ROUNDS} rounds.`);
console.log('The machine is shared: figures taken while other work runs are noisy; the ratios in one run are what to compare.');

const seed = await buildGraph();
console.log(`\nData graph: ${seed.order} entities, ${seed.size} relations`);
await neighbourhoodFigures('data graph', seed, seed.hasNode('donald-trump') ? 'donald-trump' : seed.nodes()[0]);
await searchFigures('data graph', seed, queriesFor(seed));

const started = Date.now();
const big = syntheticGraph(Number(values.entities), Number(values.relations));
let names = 0;
big.forEachNode((_id, e) => (names += 1 + e.aliases.length));
console.log(`\nSynthetic graph: ${big.order} entities (${names} names and aliases), ${big.size} relations, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
let indexStart = Date.now();
graphIndex(big);
console.log(`  graph index (kinds, adjacency, folded names) built in ${((Date.now() - indexStart) / 1000).toFixed(2)} s`);
indexStart = Date.now();
searchEntities(big, 'first search builds the name index');
console.log(`  name index (sorted words, trigrams) built on the first search in ${((Date.now() - indexStart) / 1000).toFixed(2)} s`);
await neighbourhoodFigures('synthetic graph, a hub', big, 'e0');
await neighbourhoodFigures('synthetic graph, a typical entity', big, `e${Math.floor(big.order / 2)}`);
await searchFigures('synthetic graph', big, queriesFor(big));
