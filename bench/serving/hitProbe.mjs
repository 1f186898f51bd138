// PROTOTYPE measurement (issue 7, `front`): where a graph-free cache hit's CPU goes. Bare server; newsgraph's hit
// path alone (hitOnly.mjs) with and without startServer's socket timeouts; the same with an idle worker holding the
// graph. Rounds over the same processes; CPU µs per request from /proc.
// Usage: node bench/serving/hitProbe.mjs --snapshot FILE [--runs 3] [--seconds 3] [--only NAME,NAME]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { JSON_HEADERS, load, rawAnswer, SERVER_NODE_FLAGS, startChild, startNewsgraph } from './http.mjs';

const { values } = parseArgs({ options: { snapshot: { type: 'string' }, runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '3' }, only: { type: 'string' }, variants: { type: 'string' } } });
const only = values.only?.split(',');
const questions = corpusQuestions(await loadSnapshot(values.snapshot)).filter((q) => only === undefined || only.includes(q.name));
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-hit-'));
const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
const ng = await startNewsgraph(values.snapshot);
const usable = [];
for (const q of questions) {
  const body = JSON.stringify({ query: q.query, variables: q.variables ?? {}, operationName: q.operationName });
  await rawAnswer(ng.url, body);
  const hit = await rawAnswer(ng.url, body);
  usable.push({ ...q, body, hit });
}
await stop(ng.child);
writeFileSync(`${workDir}/r.json`, JSON.stringify(usable.map((q) => ({ headers: q.hit.headers, body: q.hit.body }))));
const file = `${workDir}/r.json`;
const servers = { bare: await startChild('bare.mjs', [file], SERVER_NODE_FLAGS) };
for (const variant of (values.variants ?? 'plain,default,worker').split(',')) {
  if (variant === 'worker') process.env.WORKER_SNAPSHOT = values.snapshot;
  servers[variant] = await startChild('hitOnly.mjs', [file, variant === 'worker' ? '' : variant], SERVER_NODE_FLAGS);
  delete process.env.WORKER_SNAPSHOT;
}
const order = Object.keys(servers);
const results = [];
try {
  for (const name of order) for (const [i, q] of usable.entries()) await load(`${servers[name].url}/q/${i}`, q.body, 1, 10, servers[name].child.pid);
  await new Promise((r) => setTimeout(r, 5000)); // the worker's load settles
  for (let run = 0; run < Number(values.runs); run++) {
    const before = loadavg()[0];
    for (const [i, q] of usable.entries()) {
      const row = { name: q.name, bytes: Buffer.byteLength(q.hit.body) };
      for (const name of order) row[name] = await load(`${servers[name].url}/q/${i}`, q.body, Number(values.seconds), 10, servers[name].child.pid);
      results.push(row);
      process.stderr.write(`  ${q.name} ${order.map((n) => `${n} ${row[n].rps.toFixed(0)}/s ${row[n].cpuUsPerRequest?.toFixed(1)}µs`).join(', ')}\n`);
    }
    console.log(`round ${run}: load ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  }
} finally {
  for (const s of Object.values(servers)) await stop(s.child);
  rmSync(workDir, { recursive: true, force: true });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = (xs, d = 0) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)})`;
console.log(`question | bytes | ${order.map((n) => `CPU µs ${n}`).join(' | ')} | ${order.slice(1).map((n) => `bare/${n} by CPU`).join(' | ')}`);
for (const q of usable) {
  const rows = results.filter((r) => r.name === q.name);
  console.log([q.name, rows[0].bytes, ...order.map((n) => fmt(rows.map((r) => r[n].cpuUsPerRequest))), ...order.slice(1).map((n) => fmt(rows.map((r) => r.bare.cpuUsPerRequest / r[n].cpuUsPerRequest), 2))].join(' | '));
}
