// Soak test (issue 11): mixed load on a real server for --seconds, the server's RSS and heap sampled every
// second. Reports requests, errors (a network error, or a status the request should not get), latency, and
// the memory drift after warm-up: the mean of the last tenth of samples against the mean of the first tenth
// after warm-up (the first fifth of the run). The server runs in a child process so that the load generator's
// own memory is not counted.
//
// Usage: npm run build && npm run soak -- [--seconds 60] [--clients 8] [--json]
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '8' }, child: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});

if (values.child) {
  const { startServer, buildGraph, defaultDataDir } = await import('../dist/index.js');
  const server = await startServer({ graph: await buildGraph(defaultDataDir()), port: 0, handleSignals: false, logger: { debug() {}, info() {}, warn() {}, error: (m) => process.send?.({ logged: String(m).slice(0, 300) }) } });
  process.send?.({ url: server.url });
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ rss, heapUsed });
  }, 1000);
  process.on('message', async () => {
    clearInterval(sampler);
    await server.close();
    process.exit(0);
  });
} else {
  const child = fork(new URL(import.meta.url).pathname, ['--child']);
  const samples = [];
  const logged = [];
  const url = await new Promise((resolve) =>
    child.on('message', (m) => {
      if (m.url) resolve(m.url);
      if (m.rss) samples.push(m);
      if (m.logged) logged.push(m.logged);
    }),
  );
  const base = url.replace(/\/graphql$/, '');
  const gql = (query, variables, ok = [200]) => ({ path: '/graphql', method: 'POST', body: JSON.stringify({ query, variables }), ok });
  const REFUSED = [200, 400]; // a refusal with its code: 400, or 200 for GraphQL document errors (graphqlRoute.statusFor)
  // The mix: ordinary questions, exports, and refusals that must stay refusals (never a 500).
  const MIX = [
    gql('{ __typename }'),
    gql('{ search(text: "trump") { id name } }'),
    gql('{ entities(first: 20) { edges { node { id name evidence { exact sentence } } } } }'),
    gql('{ relations(first: 30) { edges { node { id predicate subject { id } object { id } evidence { exact prefix suffix } } } } }'),
    gql('query($a: ID!, $b: ID!) { path(from: $a, to: $b) { id predicate } }', { a: 'donald-trump', b: 'ukraine' }),
    gql('{ articles { id title text } }'),
    gql('query($id: ID!) { entity(id: $id) { id } }', { id: `unknown-${'x'.repeat(2000)}` }, REFUSED),
    gql(`{ ${'entities { edges { node { '.repeat(20)}id${' } } }'.repeat(20)} }`, undefined, REFUSED),
    gql('mutation { __typename }', undefined, REFUSED),
    { path: '/export/turtle', method: 'GET', ok: [200] },
    { path: '/export/graphml', method: 'GET', ok: [200] },
    { path: '/graphql', method: 'POST', body: 'x'.repeat(200_000), ok: [413] },
    { path: '/graphql', method: 'POST', body: '{not json', ok: [400] },
  ];
  const counts = { requests: 0, errors: 0 };
  const errorSamples = [];
  const latencies = [];
  const until = performance.now() + Number(values.seconds) * 1000;
  let i = 0;
  const client = async () => {
    while (performance.now() < until) {
      const request = MIX[i++ % MIX.length];
      const started = performance.now();
      try {
        const response = await fetch(base + request.path, { method: request.method, headers: { 'content-type': 'application/json' }, body: request.body });
        await response.arrayBuffer();
        if (!request.ok.includes(response.status)) {
          counts.errors++;
          if (errorSamples.length < 5) errorSamples.push(`${request.path} ${response.status}`);
        }
      } catch (error) {
        counts.errors++;
        if (errorSamples.length < 5) errorSamples.push(`${request.path} ${error.cause?.code ?? error.message}`);
      }
      latencies.push(performance.now() - started);
      counts.requests++;
    }
  };
  await Promise.all(Array.from({ length: Number(values.clients) }, client));
  child.send('stop');
  await new Promise((resolve) => child.on('exit', resolve));

  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const afterWarmUp = samples.slice(Math.floor(samples.length / 5));
  const tenth = Math.max(1, Math.floor(afterWarmUp.length / 10));
  const early = mean(afterWarmUp.slice(0, tenth).map((s) => s.rss));
  const late = mean(afterWarmUp.slice(-tenth).map((s) => s.rss));
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
  const report = {
    seconds: Number(values.seconds),
    clients: Number(values.clients),
    requests: counts.requests,
    perSecond: Math.round(counts.requests / Number(values.seconds)),
    errors: counts.errors,
    errorSamples,
    loggedByServer: logged.length,
    latencyMs: { p50: pct(0.5), p99: pct(0.99), max: pct(1) },
    rssMb: { first: mb(samples[0]?.rss ?? 0), min: mb(Math.min(...afterWarmUp.map((s) => s.rss))), max: mb(Math.max(...afterWarmUp.map((s) => s.rss))), earlyAfterWarmUp: mb(early), late: mb(late) },
    driftPercent: Math.round(((late - early) / early) * 1000) / 10,
    heapMb: { earlyAfterWarmUp: mb(mean(afterWarmUp.slice(0, tenth).map((s) => s.heapUsed))), late: mb(mean(afterWarmUp.slice(-tenth).map((s) => s.heapUsed))) },
  };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`soak: ${report.seconds} s, ${report.clients} clients: ${report.requests} requests (${report.perSecond}/s), ${report.errors} errors ${errorSamples.join('; ')}, ${report.loggedByServer} logged by the server`);
    console.log(`latency p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`);
    console.log(`RSS after warm-up: ${report.rssMb.earlyAfterWarmUp} → ${report.rssMb.late} MB (drift ${report.driftPercent}%, range ${report.rssMb.min}-${report.rssMb.max} MB); heap ${report.heapMb.earlyAfterWarmUp} → ${report.heapMb.late} MB`);
  }
  process.exitCode = counts.errors > 0 || logged.length > 0 ? 1 : 0;
}
