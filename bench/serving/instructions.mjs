// What a cache hit costs, counted in instructions rather than time: the figure that a loaded machine does not move.
// CPU time per request (http.mjs, from /proc) swings 1.5-2x when other work shares the cores (caches, frequency,
// the scheduler); the number of instructions a process executes per request hardly does. This machine's virtual CPUs
// expose no hardware counters (`perf stat -e instructions` answers "not supported": the PMU is not virtualized), so
// the servers run under valgrind's callgrind, which counts every user-space instruction the process executes (all
// its threads: V8's compiler and garbage-collector helpers too; not the kernel's, whose share is the same system
// calls for both servers). Each server is started under callgrind, warmed up, then for each round and question, in
// turn (interleaved, so that no server is measured only early or only late): its counters zeroed
// (`callgrind_control -z`), a fixed number of requests sent (autocannon `amount`), its counters dumped and read.
// Per request = the dump's total / the requests. Under valgrind a request takes 1-3 ms of CPU. Caveat: what a server
// does per unit of time (node's connection checks, the body sweeper, V8's concurrent marking and compilation) is
// counted too, and is spread over few requests when the machine is loaded and the counted process gets a small share
// of a core: on a busy machine newsgraph's counts moved 2-6x between rounds (docs/design-choices.md, `hitpath`); read
// them on a quiet machine, with several rounds.
// The servers: `bare` (bare.mjs, replaying newsgraph's cached answer byte for byte, as the benchmark's baseline),
// `newsgraph` (`dist/cli/bin.js serve`, this build), and with --compare-dist DIR another build's serve (an A/B of
// the hit path). All with the node flags `newsgraph serve` gives its server process (one process: no re-execution).
// Then, unless --cpu-seconds 0, the same servers without valgrind, in the same interleaved rounds: CPU µs per request
// from /proc (autocannon for a fixed time), to read beside the instructions.
// The snapshot should be small (valgrind loads it 20-50x slower than node): /tmp/perf-c1000.snapshot (1,000
// articles) starts in about a minute. The hit path does not depend on the graph's size; the heap's garbage does.
// Usage: npm run build && node bench/serving/instructions.mjs --snapshot FILE [--only NAME,NAME] [--requests 2000]
//        [--rounds 3] [--warm 10000] [--compare-dist DIR | NAME=DIR,NAME=DIR] [--cpu-seconds 2] [--connections 10] [--json FILE]
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { JSON_HEADERS, load, rawAnswer, SERVER_NODE_FLAGS } from './http.mjs';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    only: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    'compare-dist': { type: 'string' },
    'cpu-seconds': { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    warm: { type: 'string', default: '10000' },
    json: { type: 'string' },
  },
});
if (values.snapshot === undefined) throw new Error('usage: node bench/serving/instructions.mjs --snapshot FILE [--only NAME,NAME] [--requests 2000] [--rounds 3] [--compare-dist DIR] [--cpu-seconds 2]');
const requests = Number(values.requests);
const connections = Number(values.connections);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const only = values.only?.split(',');
const questions = corpusQuestions(await loadSnapshot(values.snapshot)).filter((q) => only === undefined || only.includes(q.name));
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-instructions-'));

const servers = [
  { name: 'bare', args: () => [here('bare.mjs'), join(workDir, 'responses.json')] },
  { name: 'newsgraph', args: () => newsgraphArgs(here('../../dist')) },
  // --compare-dist DIR, or NAME=DIR,NAME=DIR for several builds (e.g. one per change, measured in the same rounds).
  ...(values['compare-dist'] ?? '')
    .split(',')
    .filter((d) => d !== '')
    .map((d) => (d.includes('=') ? { name: d.slice(0, d.indexOf('=')), dist: d.slice(d.indexOf('=') + 1) } : { name: 'other', dist: d }))
    .map(({ name, dist }) => ({ name, args: () => newsgraphArgs(dist) })),
];
function newsgraphArgs(dist) {
  return [`${dist}/cli/bin.js`, 'serve', '--snapshot', values.snapshot, '--port', '0', '--host', '127.0.0.1'];
}

/** Starts `node FLAGS ARGS` (under callgrind when `counted`); resolves with its URL (either output form) and child. */
function start(args, counted) {
  const command = counted ? 'valgrind' : process.execPath;
  // Not instrumented until the warm-up is over (`callgrind_control -i on`): valgrind alone runs node several times
  // faster than callgrind counting, and a newsgraph server takes minutes to start when counted from the first instruction.
  const argv = counted ? ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${workDir}/cg.%p`, process.execPath, ...SERVER_NODE_FLAGS, ...args] : [...SERVER_NODE_FLAGS, ...args];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEWSGRAPH_PROGRESS: '0' } });
  child.stderr.on('data', (chunk) => {
    const text = String(chunk);
    if (!/^==\d+==/mu.test(text)) process.stderr.write(text);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const url = line.startsWith('{') ? JSON.parse(line).url : /GraphQL and playground: (\S+)/u.exec(line)?.[1];
      if (url !== undefined) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}) before listening`)));
  });
}
const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
const target = (server, i) => (server.name === 'bare' ? `${server.url}/q/${i}` : server.url);

/** Sends exactly `amount` requests of question `q`, 2xx only (a minute's timeout: under callgrind a miss takes seconds). */
async function send(url, q, amount) {
  const result = await autocannon({ url, method: 'POST', headers: JSON_HEADERS, body: q.body, amount, connections, timeout: 60 });
  if (result.non2xx > 0 || result.errors > 0 || result.requests.total !== amount) throw new Error(`${url}: ${result.requests.total} of ${amount} requests, ${result.non2xx} non-2xx, ${result.errors} errors`);
}

/** Instructions the callgrind process `pid` has counted since its last zeroing: dumped, then read. */
function dumpedInstructions(pid) {
  const before = new Set(readdirSync(workDir));
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  const dump = readdirSync(workDir).find((f) => f.startsWith(`cg.${pid}.`) && !before.has(f));
  if (dump === undefined) throw new Error(`callgrind ${pid}: no new dump`);
  const summary = /^summary: (\d+)/mu.exec(readFileSync(join(workDir, dump), 'utf8'))?.[1];
  rmSync(join(workDir, dump));
  if (summary === undefined) throw new Error(`callgrind ${pid}: no summary in ${dump}`);
  return Number(summary);
}

// newsgraph's cached answers, as the bare server replays them (asked twice: the second is a hit).
const usable = [];
{
  const ng = await start(newsgraphArgs(here('../../dist')), false);
  try {
    for (const q of questions) {
      const body = JSON.stringify({ query: q.query, variables: q.variables ?? {}, operationName: q.operationName });
      const first = await rawAnswer(ng.url, body);
      if (first.status !== 200 || 'errors' in JSON.parse(first.body)) continue;
      const hit = await rawAnswer(ng.url, body);
      usable.push({ name: q.name, body, hit });
    }
  } finally {
    await stop(ng.child);
  }
  writeFileSync(join(workDir, 'responses.json'), JSON.stringify(usable.map((q) => ({ headers: q.hit.headers, body: q.hit.body }))));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs, digits = 0, scale = 1) => `${(median(xs) / scale).toFixed(digits)} (${(Math.min(...xs) / scale).toFixed(digits)}-${(Math.max(...xs) / scale).toFixed(digits)})`;

/**
 * Starts every server (counted or not), primes and warms each question on each, runs `measure` in interleaved rounds,
 * the servers' order reversed every other round. Counted, the warm-up is long: V8 compiles the hot functions in
 * background threads, which callgrind runs (and counts) on the one thread it runs at a time, and the first thousands
 * of requests counted 1.5-5x what the same server counts later.
 */
async function phase(counted, warmRequests, measure) {
  const running = [];
  const rows = [];
  try {
    // Started together (under callgrind a newsgraph server takes a minute or more to load and warm up).
    const started = await Promise.allSettled(servers.map((s) => start(s.args(), counted)));
    for (const [i, s] of servers.entries()) if (started[i].status === 'fulfilled') running.push({ ...s, ...started[i].value });
    const failed = started.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    // One request first (the miss that stores the answer, alone), then the warm-up's hits.
    for (const s of running) for (const [i, q] of usable.entries()) await rawAnswer(target(s, i), q.body);
    for (const s of running) for (const [i, q] of usable.entries()) await send(target(s, i), q, warmRequests);
    if (counted) {
      for (const s of running) execFileSync('callgrind_control', ['-i', 'on', String(s.child.pid)], { stdio: 'ignore' });
      for (const s of running) for (const [i, q] of usable.entries()) await send(target(s, i), q, Math.max(200, warmRequests / 10));
    }
    for (let round = 0; round < Number(values.rounds); round++) {
      const load = loadavg()[0];
      for (const [i, q] of usable.entries()) {
        const row = { round, name: q.name, load };
        for (const s of round % 2 === 0 ? running : [...running].reverse()) row[s.name] = await measure(s, i, q);
        rows.push(row);
        process.stderr.write(`  ${counted ? 'instructions' : 'CPU'} round ${round} ${q.name}: ${running.map((s) => `${s.name} ${counted ? `${(row[s.name] / 1000).toFixed(1)}k` : `${row[s.name].toFixed(1)} µs`}`).join(', ')} (load ${load.toFixed(1)})\n`);
      }
    }
  } finally {
    for (const s of running) await stop(s.child);
  }
  return rows;
}

const results = { requests, rounds: Number(values.rounds), nodeFlags: SERVER_NODE_FLAGS, loadavgBefore: loadavg() };
try {
  results.instructions = await phase(true, Number(values.warm), async (s, i, q) => {
    execFileSync('callgrind_control', ['-z', String(s.child.pid)], { stdio: 'ignore' });
    await send(target(s, i), q, requests);
    return dumpedInstructions(s.child.pid) / requests;
  });
  const cpuSeconds = Number(values['cpu-seconds']);
  if (cpuSeconds > 0) {
    results.cpu = await phase(false, 2000, async (s, i, q) => (await load(target(s, i), q.body, cpuSeconds, connections, s.child.pid)).cpuUsPerRequest);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
results.loadavgAfter = loadavg();

const names = servers.map((s) => s.name);
console.log(`${requests} requests per figure, ${results.rounds} interleaved rounds, node ${SERVER_NODE_FLAGS.join(' ')}; load average ${results.loadavgBefore.map((l) => l.toFixed(1)).join('/')} → ${results.loadavgAfter.map((l) => l.toFixed(1)).join('/')}`);
console.log(`question | bytes | ${names.map((n) => `instructions/request ${n}`).join(' | ')} | ${names.slice(1).map((n) => `bare/${n} by instructions`).join(' | ')}${results.cpu ? ` | ${names.map((n) => `CPU µs ${n}`).join(' | ')} | ${names.slice(1).map((n) => `bare/${n} by CPU`).join(' | ')}` : ''}`);
const ratios = Object.fromEntries(names.slice(1).map((n) => [n, { instructions: [], cpu: [] }]));
for (const q of usable) {
  const ins = results.instructions.filter((r) => r.name === q.name);
  const cpu = results.cpu?.filter((r) => r.name === q.name) ?? [];
  const cells = [q.name, Buffer.byteLength(q.hit.body), ...names.map((n) => fmt(ins.map((r) => r[n]), 1, 1000) + 'k')];
  for (const n of names.slice(1)) {
    const per = ins.map((r) => r.bare / r[n]);
    ratios[n].instructions.push(median(per));
    cells.push(fmt(per, 2));
  }
  if (results.cpu) {
    cells.push(...names.map((n) => fmt(cpu.map((r) => r[n]), 1)));
    for (const n of names.slice(1)) {
      const per = cpu.map((r) => r.bare / r[n]);
      ratios[n].cpu.push(median(per));
      cells.push(fmt(per, 2));
    }
  }
  console.log(cells.join(' | '));
}
for (const [n, r] of Object.entries(ratios)) {
  console.log(`bare/${n}: by instructions median over questions ${median(r.instructions).toFixed(2)}x, lowest ${Math.min(...r.instructions).toFixed(2)}x${r.cpu.length ? `; by CPU median ${median(r.cpu).toFixed(2)}x, lowest ${Math.min(...r.cpu).toFixed(2)}x` : ''}`);
}
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ ...results, questions: usable.map((q) => ({ name: q.name, bytes: Buffer.byteLength(q.hit.body) })) }, null, 1)}\n`);
