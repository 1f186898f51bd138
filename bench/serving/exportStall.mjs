// How long an export holds the server: for each format, unfocused and focused on the middle person, one export
// request while a client asks `{ __typename }` again and again (one question at a time); prints the export's time
// and size and the worst and median question latency during it. The response cache is off, so every run builds.
// The export's body is counted as it comes, never gathered: a 400 MB arrayBuffer() would stall this client's own
// loop and show as question latency.
// Usage: node bench/serving/exportStall.mjs --snapshot FILE [--formats json,gexf] [--runs 1] [--scope whole,focus]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { countBody, startExportServer } from './exportClient.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    formats: { type: 'string', default: 'json,gexf,graphml,cytoscape,csv,dot,turtle,ntriples,jsonld,cypher,gdelt' },
    scope: { type: 'string', default: 'whole,focus' },
    runs: { type: 'string', default: '1' },
    server: { type: 'string', default: '{"responseCacheBytes":0}' },
  },
});
if (values.snapshot === undefined) throw new Error('--snapshot FILE');

const { child, url, focus, base } = await startExportServer(values.snapshot, values.server, (process.env.EXPORT_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));

let failedQuestions = 0;
async function ask() {
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    await res.arrayBuffer();
  } catch {
    failedQuestions++; // e.g. reset by the server's 30 s request timeout while the event loop was held
  }
  return performance.now() - started;
}

async function measure(path) {
  let done = false;
  const started = performance.now();
  failedQuestions = 0;
  const exporting = fetch(`${base}${path}`)
    .then(async (res) => ({ status: res.status, bytes: await countBody(res) }))
    .catch((error) => ({ status: String(error.cause?.code ?? error.message), bytes: 0 }))
    .then((r) => {
      done = true;
      return { ...r, ms: performance.now() - started };
    });
  const latencies = [];
  while (!done) latencies.push(await ask());
  const result = await exporting;
  latencies.sort((a, b) => a - b);
  return { ...result, failedQuestions, questions: latencies.length, worstMs: latencies.at(-1) ?? 0, medianMs: latencies[Math.floor(latencies.length / 2)] ?? 0 };
}

await ask(); // warm
const rows = [];
for (const format of values.formats.split(',')) {
  for (const scope of values.scope.split(',')) {
    const path = `/export/${format}${scope === 'focus' ? `?focus=${encodeURIComponent(focus)}` : ''}`;
    for (let run = 0; run < Number(values.runs); run++) {
      const load = loadavg()[0];
      const r = await measure(path);
      rows.push({ format, scope, run, ...r, load });
      console.log(`${format.padEnd(9)} ${scope.padEnd(5)} status ${r.status} ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)} MiB in ${(r.ms / 1000).toFixed(2).padStart(6)} s; { __typename } x${String(r.questions).padStart(5)}: worst ${r.worstMs.toFixed(0).padStart(6)} ms, median ${r.medianMs.toFixed(1)} ms${r.failedQuestions ? `, ${r.failedQuestions} failed` : ''} (load ${load.toFixed(2)})`);
    }
  }
}
child.kill('SIGTERM');
console.log(JSON.stringify({ focus, rows }));
