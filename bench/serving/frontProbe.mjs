// PROTOTYPE measurement (issue 7, `front`): hits and misses of frontProto.mjs (HTTP and cache on a graph-free main
// thread, graph and Apollo in a worker) beside the bare server, the bare server holding the graph, newsgraph serve
// (cached and not), Apollo's floor and the floor behind the front. CPU µs per request from /proc, same runs.
// Usage: node bench/serving/frontProbe.mjs --snapshot FILE [--runs 3] [--seconds 3] [--only NAME,NAME]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { JSON_HEADERS, load, rawAnswer, SERVER_NODE_FLAGS, startChild, startNewsgraph, treeRssMb } from './http.mjs';

const { values } = parseArgs({ options: { snapshot: { type: 'string' }, runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '3' }, only: { type: 'string' }, connections: { type: 'string', default: '10' }, servers: { type: 'string' } } });
const only = values.only?.split(',');
const questions = corpusQuestions(await loadSnapshot(values.snapshot)).filter((q) => only === undefined || only.includes(q.name));
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-front-'));
const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
const post = (url, body) => fetch(url, { method: 'POST', headers: JSON_HEADERS, body }).then((r) => r.text());
const results = [];
const wanted = values.servers?.split(',');
const want = (name) => wanted === undefined || wanted.includes(name);
{
  const servers = {};
  servers.cached = await startNewsgraph(values.snapshot);
  if (want('uncached')) servers.uncached = await startNewsgraph(values.snapshot, { cache: false });
  if (want('frontCached')) servers.frontCached = await startChild('frontProto.mjs', [values.snapshot, 'newsgraph', 'cache'], SERVER_NODE_FLAGS);
  if (want('frontUncached')) servers.frontUncached = await startChild('frontProto.mjs', [values.snapshot, 'newsgraph', 'nocache'], SERVER_NODE_FLAGS);
  if (want('floor')) servers.floor = await startChild('floor.mjs', [values.snapshot], SERVER_NODE_FLAGS);
  if (want('frontFloor')) servers.frontFloor = await startChild('frontProto.mjs', [values.snapshot, 'floor', 'nocache'], SERVER_NODE_FLAGS);
  if (want('proxyUncached')) servers.proxyUncached = await startChild('frontProto.mjs', [values.snapshot, 'proxy', 'nocache'], SERVER_NODE_FLAGS);
  const usable = [];
  for (const q of questions) {
    const body = JSON.stringify({ query: q.query, variables: q.variables ?? {}, operationName: q.operationName });
    const answer = await post(servers.cached.url, body);
    for (const name of ['uncached', 'frontUncached', 'floor', 'frontFloor'].filter((n) => servers[n] !== undefined)) if ((await post(servers[name].url, body)) !== answer) throw new Error(`${q.name}: ${name} answers other bytes`);
    await rawAnswer(servers.cached.url, body);
    const hit = await rawAnswer(servers.cached.url, body);
    await rawAnswer(servers.frontCached.url, body);
    const frontHit = await rawAnswer(servers.frontCached.url, body);
    if (frontHit.body !== answer || hit.body !== answer) throw new Error(`${q.name}: a cached answer differs`);
    usable.push({ ...q, body, answer, hitHeaders: hit.headers, frontHeaders: frontHit.headers });
  }
  console.log('newsgraph hit headers', JSON.stringify(usable[0].hitHeaders), '\nfront hit headers', JSON.stringify(usable[0].frontHeaders));
  writeFileSync(`${workDir}/r.json`, JSON.stringify(usable.map((q) => ({ headers: q.hitHeaders, body: q.answer }))));
  servers.bare = await startChild('bare.mjs', [`${workDir}/r.json`]);
  if (want('bareHeavy')) servers.bareHeavy = await startChild('bare.mjs', [`${workDir}/r.json`, values.snapshot], [...SERVER_NODE_FLAGS, '--expose-gc']);
  const target = (name, i) => (name.startsWith('bare') ? `${servers[name].url}/q/${i}` : servers[name].url);
  const order = ['bare', 'bareHeavy', 'cached', 'frontCached', 'uncached', 'frontUncached', 'floor', 'frontFloor', 'proxyUncached'].filter((n) => wanted === undefined || wanted.includes(n));
  try {
    for (const name of order) await load(target(name, 0), usable[0].body, 5, connections, servers[name].child.pid); // warm up
    for (let run = 0; run < Number(values.runs); run++) {
    const before = loadavg()[0];
    for (const [i, q] of usable.entries()) {
      const row = { run, name: q.name, bytes: Buffer.byteLength(q.answer) };
      for (const name of order) row[name] = await load(target(name, i), q.body, seconds, connections, servers[name].child.pid);
      results.push(row);
      process.stderr.write(`  ${q.name} ${order.map((n) => `${n} ${row[n].rps.toFixed(0)}/s ${row[n].cpuUsPerRequest?.toFixed(0)}µs`).join(', ')}\n`);
    }
    console.log(`round ${run}: load ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}; RSS MB ${order.map((n) => `${n} ${treeRssMb(servers[n].child.pid).map((x) => x.toFixed(0)).join('+')}`).join(', ')}`);
    }
  } finally {
    for (const s of Object.values(servers)) await stop(s.child);
  }
}
rmSync(workDir, { recursive: true, force: true });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = (xs, d = 0) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)})`;
console.log('question | bytes | CPU µs bare | bare holding graph | newsgraph hit | front hit | rps newsgraph/bare | rps front/bare | CPU bare/newsgraph | CPU bare/front | uncached newsgraph | front | floor | floor behind front');
for (const q of questions) {
  const rows = results.filter((r) => r.name === q.name);
  if (rows.length === 0) continue;
  const c = (n) => rows.map((r) => r[n]?.cpuUsPerRequest ?? NaN);
  console.log([q.name, rows[0].bytes, fmt(c('bare')), fmt(c('bareHeavy')), fmt(c('cached')), fmt(c('frontCached')), fmt(rows.map((r) => r.cached.rps / r.bare.rps), 2), fmt(rows.map((r) => r.frontCached.rps / r.bare.rps), 2), fmt(rows.map((r) => r.bare.cpuUsPerRequest / r.cached.cpuUsPerRequest), 2), fmt(rows.map((r) => r.bare.cpuUsPerRequest / r.frontCached.cpuUsPerRequest), 2), fmt(c('uncached')), fmt(c('frontUncached')), fmt(c('floor')), fmt(c('frontFloor')), fmt(c('proxyUncached')), `front/newsgraph hit CPU ${fmt(rows.map((r) => r.frontCached.cpuUsPerRequest / r.cached.cpuUsPerRequest), 2)}`, `floor behind front/floor ${fmt(rows.map((r) => r.frontFloor?.cpuUsPerRequest / r.floor?.cpuUsPerRequest), 2)}`, `proxy/uncached ${fmt(rows.map((r) => r.proxyUncached?.cpuUsPerRequest / r.uncached?.cpuUsPerRequest), 2)}`].join(' | '));
}
