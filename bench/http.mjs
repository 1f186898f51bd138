// HTTP benchmark: the playground's example questions against a trivial query, on one server, in one run.
// Figures vary between machines and runs; the ratio to the baseline measured beside them is what to compare.
// Usage: npm run build && node bench/http.mjs [--seconds 5] [--connections 10] [--json FILE]
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PLAYGROUND_EXAMPLES } from '../dist/api/examples.js';
import { buildGraph, startServer } from '../dist/index.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' }, json: { type: 'string' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

const graph = await buildGraph();
const server = await startServer({ graph, port: 0, handleSignals: false, logger: { info() {}, warn() {}, error: console.error, debug() {} } });

const cases = [
  { name: 'baseline: { __typename }', body: { query: '{ __typename }' } },
  ...PLAYGROUND_EXAMPLES.map((e) => ({ name: e.operationName, body: { query: e.query, variables: e.variables ?? {}, operationName: e.operationName } })),
];

const rows = [];
for (const c of cases) {
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(c.body),
    duration,
    connections,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${c.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  rows.push({ name: c.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average / Math.max(1, result.requests.average) });
}
await server.close();

const baseline = rows[0].rps;
console.log(`newsgraph HTTP benchmark: ${graph.order} entities, ${graph.size} relations; ${connections} connections, ${duration} s each\n`);
console.log(`${'operation'.padEnd(32)} ${'req/s'.padStart(8)} ${'vs base'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'bytes'.padStart(8)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${(r.rps / baseline).toFixed(2).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${r.bytes.toFixed(0).padStart(8)}`);
}
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ benchmark: 'HTTP on the seed graph vs { __typename }', seconds: duration, connections, rows }, null, 1)}\n`);
