// What a repeated large export costs: the same export asked again and again (one request at a time), while a client
// asks `{ __typename }` again and again; per request its seconds, and the question latency (median, p99, worst)
// over the whole run. Run it once with the export cache off (`--server '{"exportCache":false}'`: every request
// builds, as before the cache) and once on (the default), on the same snapshot.
// The export's body is counted as it comes, never gathered: a 400 MB arrayBuffer() would stall this client's own
// loop and show as question latency.
// Usage: node bench/serving/exportRepeat.mjs --snapshot FILE --path /export/turtle [--requests 4] [--server JSON]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { countBody, startExportServer } from './exportClient.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    path: { type: 'string', default: '/export/turtle' },
    requests: { type: 'string', default: '4' },
    server: { type: 'string', default: '{}' },
  },
});
if (values.snapshot === undefined) throw new Error('--snapshot FILE');

const { child, url, focus, base } = await startExportServer(values.snapshot, values.server);
const path = values.path.replace('FOCUS', encodeURIComponent(focus));

let asking = true;
const latencies = [];
const questions = (async () => {
  while (asking) {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
  }
})();

const requests = [];
for (let i = 0; i < Number(values.requests); i++) {
  const load = loadavg()[0];
  const started = performance.now();
  const res = await fetch(`${base}${path}`);
  const bytes = await countBody(res);
  const seconds = (performance.now() - started) / 1000;
  requests.push({ status: res.status, cache: res.headers.get('newsgraph-cache'), bytes, seconds, load });
  console.log(`request ${i + 1}: ${res.status} ${res.headers.get('newsgraph-cache')} ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(2)} s (load ${load.toFixed(2)})`);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the disk write, if any, finishes
}
asking = false;
await questions;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const summary = { path, server: values.server, requests, questions: latencies.length, medianMs: at(0.5), p99Ms: at(0.99), worstMs: latencies.at(-1) ?? 0 };
console.log(`{ __typename } x${summary.questions}: median ${summary.medianMs.toFixed(1)} ms, p99 ${summary.p99Ms.toFixed(0)} ms, worst ${summary.worstMs.toFixed(0)} ms`);
console.log(JSON.stringify(summary));
child.kill('SIGTERM');
