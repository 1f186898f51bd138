// Latency of a trivial query while N clients send the worst accepted queries (issue 11's target: p99 ≤ 50 ms
// with 4 clients). The server runs in a child process so that the clients do not share its event loop.
// Usage: npm run build && node scripts/hardening/latency.mjs [--seconds 10] [--clients 4]
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '4' }, child: { type: 'boolean', default: false } } });

if (values.child) {
  const { startServer, buildGraph, defaultDataDir } = await import('../../dist/index.js');
  const server = await startServer({ graph: await buildGraph(defaultDataDir()), port: 0, handleSignals: false, logger: { debug() {}, info() {}, warn() {}, error: (m) => console.error(String(m).slice(0, 300)) } });
  process.send?.(server.url);
  process.on('message', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  const child = fork(new URL(import.meta.url).pathname, ['--child']);
  const url = await new Promise((resolve) => child.once('message', resolve));
  const post = async (query) => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    await response.text();
    return performance.now() - started;
  };
  // The worst accepted query of the issue: evidence with article text, 26 aliases, first: 61.
  const worst = `{ ${Array.from({ length: 26 }, (_, i) => `a${i}: relations(first: 61) { edges { node { evidence { exact article { text } } } } }`).join(' ')} }`;
  let stop = false;
  let hostileCount = 0;
  const hostile = async () => {
    while (!stop) {
      await post(worst);
      hostileCount++;
    }
  };
  const baseline = [];
  for (let i = 0; i < 50; i++) baseline.push(await post('{ __typename }'));
  const clients = Array.from({ length: Number(values.clients) }, hostile);
  const latencies = [];
  const until = performance.now() + Number(values.seconds) * 1000;
  while (performance.now() < until) latencies.push(await post('{ __typename }'));
  stop = true;
  await Promise.all(clients);
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))].toFixed(1);
  console.log(`trivial query alone:           n=${baseline.length} p50=${pct(baseline, 0.5)} ms p99=${pct(baseline, 0.99)} ms`);
  console.log(`with ${values.clients} hostile clients:       n=${latencies.length} p50=${pct(latencies, 0.5)} ms p99=${pct(latencies, 0.99)} ms max=${pct(latencies, 1)} ms (${hostileCount} worst queries answered)`);
  child.send('stop');
}
