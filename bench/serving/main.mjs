// The HTTP comparison of `npm run bench` alone, on a snapshot already built, repeated: for each question the
// bare server, newsgraph cached and not cached, and Apollo's floor (see http.mjs), then per question the
// median and range over the runs of each ratio to the bare server of the same run, and the load average.
// Usage: npm run build && node bench/serving/main.mjs --snapshot FILE [--runs 3] [--seconds 3] [--connections 10]
//        [--only NAME,NAME] [--no-floor] [--json FILE]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { benchHttp } from './http.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-floor': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
if (values.snapshot === undefined) throw new Error('usage: node bench/serving/main.mjs --snapshot FILE [--runs 3] [--seconds 3] [--only NAME,NAME]');

const only = values.only?.split(',');
const questions = corpusQuestions(await loadSnapshot(values.snapshot)).filter((q) => only === undefined || only.includes(q.name));
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-http-'));
const runs = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const loadavgBefore = loadavg();
    const result = await benchHttp({ snapshot: values.snapshot, questions, seconds: Number(values.seconds), connections: Number(values.connections), workDir, floor: !values['no-floor'] });
    runs.push({ ...result, loadavgBefore, loadavgAfter: loadavg() });
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => (xs.length === 0 || xs.some((x) => x == null) ? '—' : `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`);
const cpu = (xs) => (xs.length === 0 || xs.some((x) => x == null) ? '—' : `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`);
console.log(`${runs.length} runs, ${values.seconds} s per measurement; load average ${runs.map((r) => `${r.loadavgBefore.map((l) => l.toFixed(1)).join('/')} → ${r.loadavgAfter.map((l) => l.toFixed(1)).join('/')}`).join('; ')}`);
console.log('question | bytes | cached/bare | uncached/bare | floor/bare | CPU µs/request bare | cached | uncached | floor');
const medians = { cached: [], uncached: [], floor: [] };
for (const q of questions) {
  const rows = runs.map((r) => r.rows.find((row) => row.name === q.name)).filter((row) => row !== undefined);
  if (rows.length === 0) continue;
  const cachedRatios = rows.map((r) => r.repeatedRatio);
  const freshRatios = rows.map((r) => r.freshRatio);
  const floorRatios = rows.map((r) => r.apolloFloorRatio);
  medians.cached.push(median(cachedRatios));
  medians.uncached.push(median(freshRatios));
  if (!floorRatios.some((x) => x == null)) medians.floor.push(median(floorRatios));
  console.log(
    [q.name, rows[0].bytes, spread(cachedRatios), spread(freshRatios), spread(floorRatios), cpu(rows.map((r) => r.baseline.cpuUsPerRequest)), cpu(rows.map((r) => r.repeated.cpuUsPerRequest)), cpu(rows.map((r) => r.fresh.cpuUsPerRequest)), cpu(rows.map((r) => r.apolloFloor?.cpuUsPerRequest))].join(' | '),
  );
}
for (const [name, xs] of Object.entries(medians)) if (xs.length > 0) console.log(`${name}: median over questions ${median(xs).toFixed(2)}x, lowest ${Math.min(...xs).toFixed(2)}x`);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ runs }, null, 1)}\n`);
