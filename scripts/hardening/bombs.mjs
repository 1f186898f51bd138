// How long the server takes to refuse hostile documents (issue 11's target: ≤ 10 ms each), in process
// (parse, validation and limits; no HTTP): the first run, then the median of --runs after 10 warm-up runs, beside
// a trivial query measured in the same run.
// Usage: npm run build && node scripts/hardening/bombs.mjs [--runs 20] [--dist DIR]
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, dist: { type: 'string', default: join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'dist') } } });
const dist = resolve(values.dist);
const { createApolloServer } = await import(join(dist, 'api', 'index.js'));
const { buildGraph, defaultDataDir } = await import(join(dist, 'index.js'));
const apollo = createApolloServer(await buildGraph(defaultDataDir()), { logger: { debug() {}, info() {}, warn() {}, error() {} } });

let depth = 'id';
for (let i = 0; i < 60; i++) depth = `entities { edges { node { ${depth} } } }`;
let nesting = '';
for (let i = 0; i < 10_000; i++) nesting += '{ a ';
const DOCUMENTS = {
  'trivial { __typename }': '{ __typename }',
  'depth bomb (60 levels)': `{ ${depth} }`,
  'alias bomb (1,000 aliases)': `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  'token flood (10,000 levels of nesting)': nesting,
  'fragment bomb (500 fragments)': `{ ...F0 } ${Array.from({ length: 500 }, (_, i) => `fragment F${i} on Query { __typename ...F${i + 1} }`).join('\n')}`,
  'mutation': 'mutation { __typename }',
};
for (const [name, query] of Object.entries(DOCUMENTS)) {
  const times = [];
  let code;
  // The first run of each document is reported apart: it pays for compiling graphql-js's validation paths.
  const firstStarted = performance.now();
  await apollo.executeOperation({ query });
  const first = performance.now() - firstStarted;
  for (let r = 0; r < 10; r++) await apollo.executeOperation({ query });
  for (let r = 0; r < Number(values.runs); r++) {
    const started = performance.now();
    const result = await apollo.executeOperation({ query });
    times.push(performance.now() - started);
    code = result.body.singleResult?.errors?.[0]?.extensions?.code ?? 'ok';
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: first ${first.toFixed(2)} ms, then median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms → ${code}`);
}
await apollo.stop();
