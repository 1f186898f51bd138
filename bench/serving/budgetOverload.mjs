// Refusals of large operations run together, under the working-time budget and under the old wall-clock rule
// (issue 7/12: ten interleaved large operations overran their 2 s and were refused after most of their work).
// In one process, in-process (Apollo's executeOperation, no HTTP): N copies of a large question at once, on a
// snapshot, with a CPU hog in a worker thread (a busy loop: the machine's other load). Each round runs the rules
// alternately on the same loaded graph:
//   wall  — the old rule: stopped 2 s after execution started (a ceiling of 2 s and a budget of 2 s);
//   work  — the new one: 2 s of the operation's own work, a wall-clock ceiling of 10 s (the defaults).
// Prints, per rule and round, the operations refused (and by which code), their wall time and the working time
// the budget counted (src/api/executionBudget.ts `budgetUse`); the median and spread over the rounds.
// Usage: node bench/serving/budgetOverload.mjs [SNAPSHOT=/tmp/c10k.snapshot] [--ops N=10] [--rounds R=3] [--aliases A=16] [--no-hog]
process.env.NODE_ENV ??= 'production';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { ops: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' }, aliases: { type: 'string', default: '16' }, 'no-hog': { type: 'boolean', default: false } },
});
const snapshotFile = positionals[0] ?? '/tmp/c10k.snapshot';
const ops = Number(values.ops);
const rounds = Number(values.rounds);
const aliases = Number(values.aliases);

const { loadSnapshot } = await import('../../dist/index.js');
const { createApolloServer } = await import('../../dist/api/index.js');
const { budgetUse } = await import('../../dist/api/executionBudget.js');

// A large question: `aliases` copies of one page of 200 relations, each with its ends, article count and three quotes.
const QUERY = `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: relations(first: 200) { edges { node { subject { name } predicate object { name } articleCount evidence(first: 3) { exact article { title } } } } }`).join(' ')} }`;

const loadStart = performance.now();
const graph = await loadSnapshot(snapshotFile);
process.stderr.write(`loaded ${snapshotFile} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s: ${graph.order} entities, ${graph.size} relations\n`);

// The cost estimate is not under test here: it is raised so that the large question runs.
const RULES = {
  wall: { maxExecutionMs: 2_000, maxWallClockMs: 2_000, maxCost: 1e12, maxResponseBytes: 1e9 },
  work: { maxExecutionMs: 2_000, maxCost: 1e12, maxResponseBytes: 1e9 },
};
// Apollo copies the context object given to executeOperation: a plugin hands the budget's count back through it.
const reportUse = { requestDidStart: async () => ({ willSendResponse: async ({ contextValue }) => void (contextValue.sink.use = budgetUse(contextValue)) }) };
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const servers = Object.fromEntries(Object.entries(RULES).map(([name, limits]) => [name, createApolloServer(graph, { limits, logger: quiet, plugins: [reportUse] })]));

async function one(server) {
  const contextValue = { sink: {} };
  const start = performance.now();
  const response = await server.executeOperation({ query: QUERY }, { contextValue });
  const wallMs = performance.now() - start;
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
  return { code: errors?.[0]?.extensions?.code, wallMs, workMs: contextValue.sink.use?.workMs ?? NaN };
}

// Warm both (and measure one operation alone, for scale).
for (const server of Object.values(servers)) await one(server);
const alone = [];
for (let i = 0; i < 3; i++) alone.push(await one(servers.work));

const hog = values['no-hog'] ? undefined : new Worker('for (;;) {}', { eval: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const results = { wall: [], work: [] };
const loads = [];
for (let round = 0; round < rounds; round++) {
  for (const rule of round % 2 === 0 ? ['wall', 'work'] : ['work', 'wall']) {
    loads.push(loadavg()[0]);
    // Each started in its own turn of the event loop, as requests arriving over HTTP are (started in one turn, their
    // first slices interleave within it and the budget cannot tell their work apart: see executionBudget.ts).
    const answers = await Promise.all(Array.from({ length: ops }, () => new Promise((resolve) => setImmediate(resolve)).then(() => one(servers[rule]))));
    results[rule].push(answers);
    const refused = answers.filter((a) => a.code !== undefined);
    process.stderr.write(`round ${round + 1} ${rule}: ${refused.length}/${ops} refused (${[...new Set(refused.map((a) => a.code))].join(', ') || '-'}), wall median ${median(answers.map((a) => a.wallMs)).toFixed(0)} ms, work median ${median(answers.map((a) => a.workMs)).toFixed(0)} ms\n`);
  }
}
await hog?.terminate();

console.log(`\n${ops} concurrent operations (${aliases} × 200 relations with quotes) on ${graph.size} relations; ${hog ? 'a CPU hog in a worker thread' : 'no hog'}; load average ${spread(loads)} (1 min)`);
console.log(`one alone: wall ${alone.map((a) => a.wallMs.toFixed(0)).join(', ')} ms, counted work ${alone.map((a) => a.workMs.toFixed(0)).join(', ')} ms`);
console.log('| rule | refused per round (median, spread) | wall per operation ms (median of round medians, spread) | counted work ms (same) |');
console.log('| --- | --- | --- | --- |');
for (const [rule, label] of [['wall', 'old: 2 s of wall time'], ['work', 'new: 2 s of own work, 10 s ceiling']]) {
  const refused = results[rule].map((answers) => answers.filter((a) => a.code !== undefined).length);
  const walls = results[rule].map((answers) => median(answers.map((a) => a.wallMs)));
  const works = results[rule].map((answers) => median(answers.map((a) => a.workMs)));
  console.log(`| ${label} | ${median(refused)} of ${ops} (${spread(refused)}) | ${median(walls).toFixed(0)} (${spread(walls)}) | ${median(works).toFixed(0)} (${spread(works)}) |`);
}
