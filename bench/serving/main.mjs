// The HTTP comparison of `npm run bench` alone, on a snapshot already built, repeated: for each question the
// bare server (at node's defaults, and again with the V8 flags `newsgraph serve` gives its server process),
// newsgraph cached and not cached (`newsgraph serve` as a user runs it), and Apollo's floor (see http.mjs), then per
// question the median and range over the runs of each ratio to the bare server of the same run, the load average
// and the servers' resident memory at the end of each run.
// --no-uncached measures the cached path alone; --compare-dist DIR adds another build's dist/ (e.g. main's),
// cached, measured in the same runs beside this one (an A/B of the cache-hit path); --bare-holding-graph adds the
// bare server holding the loaded graph (what the heap alone costs); --node-flags="..." replaces the node flags of
// the second bare server, the floor and the bare server holding the graph (default: http.mjs SERVER_NODE_FLAGS, the
// command's own); --newsgraph-node-flags="..." puts node flags on newsgraph's command line (a user's flags: the
// command then keeps them and starts no server process of its own).
// Usage: npm run build && node bench/serving/main.mjs --snapshot FILE [--runs 3] [--seconds 3] [--connections 10]
//        [--only NAME,NAME] [--no-floor] [--no-uncached] [--compare-dist DIR] [--bare-holding-graph] [--node-flags="..."] [--newsgraph-node-flags="..."] [--json FILE]
//        [--method rounds|single] [--rounds 4]
// --method rounds (the default) measures the compared servers (bare, bare with the flags, newsgraph cached, the other
// build) in turn for a third of --seconds each, --rounds times, the order reversed every other round, and takes each
// ratio within a round; --method single is the method before (one measurement of --seconds per server, in turn).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { benchHttp, SERVER_NODE_FLAGS } from './http.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-floor': { type: 'boolean', default: false },
    'no-uncached': { type: 'boolean', default: false },
    'compare-dist': { type: 'string' },
    'bare-holding-graph': { type: 'boolean', default: false },
    'node-flags': { type: 'string' },
    'newsgraph-node-flags': { type: 'string', default: '' },
    json: { type: 'string' },
    method: { type: 'string', default: 'rounds' },
    rounds: { type: 'string', default: '4' },
  },
});
if (values.method !== 'rounds' && values.method !== 'single') throw new Error('--method is rounds (the default: the servers in turn, a ratio per round) or single (one measurement per server, the method before)');
if (values.snapshot === undefined) throw new Error('usage: node bench/serving/main.mjs --snapshot FILE [--runs 3] [--seconds 3] [--only NAME,NAME]');

const only = values.only?.split(',');
const newsgraphNodeFlags = values['newsgraph-node-flags'].split(' ').filter((f) => f !== '');
const nodeFlags = values['node-flags'] === undefined ? (newsgraphNodeFlags.length > 0 ? newsgraphNodeFlags : SERVER_NODE_FLAGS) : values['node-flags'].split(' ').filter((f) => f !== '');
const questions = corpusQuestions(await loadSnapshot(values.snapshot)).filter((q) => only === undefined || only.includes(q.name));
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-http-'));
const runs = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const loadavgBefore = loadavg();
    const result = await benchHttp({ snapshot: values.snapshot, questions, seconds: Number(values.seconds), connections: Number(values.connections), workDir, floor: !values['no-floor'], uncachedToo: !values['no-uncached'], compareDist: values['compare-dist'], nodeFlags, newsgraphNodeFlags, bareHoldingGraph: values['bare-holding-graph'], method: values.method, rounds: Number(values.rounds) });
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
console.log(`newsgraph: node ${newsgraphNodeFlags.join(' ') || '(no flags: the command\'s own choice)'} dist/cli/bin.js serve; second bare server, floor${heavyName()}: ${nodeFlags.join(' ') || '(none)'}`);
function heavyName() {
  return values['bare-holding-graph'] ? ', bare holding the graph' : '';
}
const mb = (xs) => xs.map((x) => x.toFixed(0)).join('+');
console.log(`RSS MB at the end of each run (process tree, largest first): ${runs.map((r) => `newsgraph cached ${mb(r.serverRssMb.cached)}, bare ${mb(r.serverRssMb.bare)}, bare with the flags ${mb(r.serverRssMb.bareFlagged)}${r.serverRssMb.other ? `, other build ${mb(r.serverRssMb.other)}` : ''}`).join('; ')}`);
console.log(`${runs.length} runs, method ${values.method}${values.method === 'rounds' ? ` (${values.rounds} rounds of ${Math.max(1, Math.round(Number(values.seconds) / 3))} s per server and question)` : `, ${values.seconds} s per measurement`}; load average ${runs.map((r) => `${r.loadavgBefore.map((l) => l.toFixed(1)).join('/')} → ${r.loadavgAfter.map((l) => l.toFixed(1)).join('/')}`).join('; ')}`);
const comparing = values['compare-dist'] !== undefined;
const heavy = values['bare-holding-graph'];
console.log(`question | bytes | cached/bare | cached/bare with the flags | uncached/bare | floor/bare | CPU µs/request bare | cached | uncached | floor${comparing ? ' | other build cached/bare | its CPU µs/request' : ''}${heavy ? ' | CPU µs/request bare holding the graph' : ''}`);
const medians = { cached: [], cachedAgainstBareWithFlags: [], cachedByCpu: [], cachedByCpuAgainstBareWithFlags: [], uncached: [], floor: [], otherCached: [] };
for (const q of questions) {
  const rows = runs.map((r) => r.rows.find((row) => row.name === q.name)).filter((row) => row !== undefined);
  if (rows.length === 0) continue;
  const cachedRatios = rows.map((r) => r.repeatedRatio);
  const freshRatios = rows.map((r) => r.freshRatio);
  const floorRatios = rows.map((r) => r.apolloFloorRatio);
  medians.cached.push(median(cachedRatios));
  const flaggedRatios = rows.map((r) => r.repeatedRatioFlagged);
  medians.cachedAgainstBareWithFlags.push(median(flaggedRatios));
  // Per run: the median of the per-round CPU ratios (one round with --method single).
  const byCpu = (base) => rows.map((r) => (base === 'baseline' ? r.repeatedCpuRatio?.median : r.repeatedCpuRatioFlagged?.median) ?? null);
  if (!byCpu('baseline').some((x) => x == null)) medians.cachedByCpu.push(median(byCpu('baseline')));
  if (!byCpu('baselineFlagged').some((x) => x == null)) medians.cachedByCpuAgainstBareWithFlags.push(median(byCpu('baselineFlagged')));
  const comparedRatios = rows.map((r) => r.comparedRatio);
  if (!freshRatios.some((x) => x == null)) medians.uncached.push(median(freshRatios));
  if (!floorRatios.some((x) => x == null)) medians.floor.push(median(floorRatios));
  if (comparing) medians.otherCached.push(median(comparedRatios));
  console.log(
    [
      q.name,
      rows[0].bytes,
      spread(cachedRatios),
      spread(flaggedRatios),
      spread(freshRatios),
      spread(floorRatios),
      `${cpu(rows.map((r) => r.baseline.cpuUsPerRequest))} / flags ${cpu(rows.map((r) => r.baselineFlagged.cpuUsPerRequest))}`,
      cpu(rows.map((r) => r.repeated.cpuUsPerRequest)),
      cpu(rows.map((r) => r.fresh?.cpuUsPerRequest)),
      cpu(rows.map((r) => r.apolloFloor?.cpuUsPerRequest)),
      ...(comparing ? [spread(comparedRatios), cpu(rows.map((r) => r.compared?.cpuUsPerRequest))] : []),
      ...(heavy ? [cpu(rows.map((r) => r.bareHeavy?.cpuUsPerRequest))] : []),
    ].join(' | '),
  );
}
for (const [name, xs] of Object.entries(medians)) if (xs.length > 0) console.log(`${name}: median over questions ${median(xs).toFixed(2)}x, lowest ${Math.min(...xs).toFixed(2)}x`);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ runs }, null, 1)}\n`);
