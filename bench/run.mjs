// npm run bench: every benchmark, one after the other (never two at once), each figure beside a baseline
// measured in the same run, written to bench/results/*.json and docs/performance.md (with a chart).
//
//   corpus scale  generated corpora of 100 … 10,000 articles (bench/corpus): build time and peak memory vs
//                 parsing the same YAML alone; a rebuild through the build cache after editing one article;
//                 snapshot bytes per relation; snapshot load vs JSON.parse
//   queries       on the largest corpus, in-process (bench/query.mjs --snapshot): every playground question
//                 p50/p99, name search p50/p99, GraphQL vs the same answer hand-written over graphology
//   HTTP          on the largest corpus: newsgraph with a repeated (cached) and a new (uncached) question vs a
//                 bare node:http process writing the same bytes (bench/serving)
//   PostgreSQL    on the largest size: load into a throwaway cluster, the same questions over HTTP from
//                 `serve --snapshot` and `serve --store` (bench/postgres.mjs); skipped with --no-postgres or
//                 when PostgreSQL is not installed (said in the report)
//   seed          the earlier benchmarks, bench/build.mjs (seed copies) and bench/http.mjs (seed graph)
//
// Usage: npm run bench -- [--max-articles 10000] [--sizes 100,300,1000] [--runs 3] [--seconds 3]
//                         [--connections 10] [--query-budget-ms 3000] [--no-postgres] [--no-seed-benchmarks] [--keep]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../dist/index.js';
import { createProgress } from '../dist/progress.js';
import { generateCorpus } from './corpus/generate.mjs';
import { renderReport } from './report/markdown.mjs';
import { corpusQuestions } from './serving/corpusQuestions.mjs';
import { benchHttp } from './serving/http.mjs';
import { summarize } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'max-articles': { type: 'string', default: '10000' },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    'query-budget-ms': { type: 'string', default: '3000' },
    'no-postgres': { type: 'boolean', default: false },
    'no-seed-benchmarks': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const maxArticles = Number(values['max-articles']);
const sizes = (values.sizes ?? '100,300,1000,3000,10000').split(',').map(Number).filter((n) => n <= maxArticles);
if (sizes.length === 0) throw new Error(`no corpus size ≤ --max-articles ${maxArticles}`);
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const work = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
const results = join(root, 'bench', 'results');
mkdirSync(results, { recursive: true });
const started = new Date();
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version, loadavgAtStart: loadavg() };
const log = (text) => process.stderr.write(`${text}\n`);

/** Runs a bench script in a fresh node process and parses the JSON line it prints. */
function runScript(script, args, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, join(root, 'bench', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1));
}

// ── Corpus scale ────────────────────────────────────────────────────────────────────────────────────────
const scale = [];
let largest;
for (const size of sizes) {
  const data = join(work, `corpus-${size}`);
  const progress = createProgress(`generating ${size} articles`, size);
  generateCorpus({ articles: size, seed: 1, out: data, onProgress: (done) => progress.update(done) });
  progress.finish();
  const snapshot = join(work, `corpus-${size}.snapshot`);
  const json = join(work, `corpus-${size}.json`);
  const builds = [];
  const parses = [];
  const loads = [];
  // Each build from scratch starts with an empty build cache and fills it, as a first `newsgraph build` does.
  const cache = join(work, `cache-${size}`);
  for (let r = 0; r < runs; r++) {
    log(`  ${size} articles: run ${r + 1} of ${runs}`);
    parses.push(runScript('scale/parseYaml.mjs', [data]));
    rmSync(cache, { recursive: true, force: true });
    builds.push(runScript('scale/buildOnce.mjs', [data, snapshot, json, cache], ['--max-old-space-size=8192']));
    loads.push(runScript('scale/loadOnce.mjs', [snapshot, json], ['--expose-gc', '--max-old-space-size=8192']));
  }
  // Rebuilds after editing one article (another one each run: its title, a quote, a fact added in turn) through
  // `newsgraph build`, which patches the snapshot its first build wrote (with the assembly index); then, as the
  // baseline of the same run, the path before the patch (buildGraph through the same cache, snapshot written).
  const rebuilt = join(work, `corpus-${size}.rebuilt.snapshot`);
  execFileSync(process.execPath, ['--max-old-space-size=8192', join(root, 'dist', 'cli', 'bin.js'), 'build', data, '-o', rebuilt, '--cache', cache], { stdio: ['ignore', 'ignore', 'inherit'] });
  const edited = (r, offset) => String(1 + Math.floor(((r + 1) * size) / (runs + 1)) + offset);
  const rebuilds = [];
  for (let r = 0; r < runs; r++) rebuilds.push(runScript('scale/rebuildOnce.mjs', [data, rebuilt, cache, String(r), edited(r, 0), 'patch'], ['--max-old-space-size=8192']));
  const fullRebuilds = [];
  for (let r = 0; r < runs; r++) fullRebuilds.push(runScript('scale/rebuildOnce.mjs', [data, join(work, `corpus-${size}.full.snapshot`), cache, String(r), edited(r, 7), 'full'], ['--max-old-space-size=8192']));
  rmSync(cache, { recursive: true, force: true });
  const [first] = builds;
  const snapshotBytes = statSync(snapshot).size;
  const row = {
    articles: size,
    nodes: first.nodes,
    relations: first.edges,
    buildMs: summarize(builds.map((b) => b.buildMs)),
    yamlParseMs: summarize(parses.map((p) => p.parseMs)),
    buildVsParse: summarize(builds.map((b, i) => b.buildMs / parses[i].parseMs)),
    buildThreads: first.threads,
    buildCpuMs: summarize(builds.map((b) => b.buildCpuMs)),
    buildCpuVsParseCpu: summarize(builds.map((b, i) => b.buildCpuMs / parses[i].parseCpuMs)),
    peakRssBytes: summarize(builds.map((b) => b.peakRssAfterBuild)),
    // The patch builds and writes the snapshot in one step: rebuildMs is that step in-process,
    // rebuildWithSnapshotMs the whole process from its start (node's start-up and the modules' loading too).
    rebuildMs: summarize(rebuilds.map((b) => b.totalMs)),
    rebuildWithSnapshotMs: summarize(rebuilds.map((b) => b.processMs)),
    rebuildCpuMs: summarize(rebuilds.map((b) => b.totalCpuMs)),
    rebuildEdits: rebuilds.map((b) => `${b.edit}: ${b.patched ? 'patched' : b.output}`),
    rebuildChecked: rebuilds.map((b) => b.checked),
    rebuildPeakRssBytes: summarize(rebuilds.map((b) => b.peakRss)),
    fullRebuildWithSnapshotMs: summarize(fullRebuilds.map((b) => b.totalMs)),
    fullRebuildCpuMs: summarize(fullRebuilds.map((b) => b.totalCpuMs)),
    writeSnapshotMs: summarize(builds.map((b) => b.writeMs)),
    snapshotBytes,
    jsonBytes: first.jsonBytes,
    snapshotBytesPerRelation: snapshotBytes / first.edges,
    jsonBytesPerRelation: typeof first.jsonBytes === 'number' ? first.jsonBytes / first.edges : null,
    loadMs: summarize(loads.map((l) => l.loadMs)),
    jsonParseMs: loads[0].jsonParseMs === null ? null : summarize(loads.map((l) => l.jsonParseMs)),
    rssAfterLoadBytes: summarize(loads.map((l) => l.rssAfterLoad)),
  };
  scale.push(row);
  log(`  ${size} articles: build ${row.buildMs.median.toFixed(0)} ms (YAML alone ${row.yamlParseMs.median.toFixed(0)} ms), peak RSS ${(row.peakRssBytes.median / 2 ** 20).toFixed(0)} MiB, rebuild after one edit ${row.rebuildWithSnapshotMs.median.toFixed(0)} ms with the snapshot (full path ${row.fullRebuildWithSnapshotMs.median.toFixed(0)} ms), load ${row.loadMs.median.toFixed(0)} ms`);
  largest = { size, data, snapshot };
}
writeFileSync(join(results, 'scale.json'), `${JSON.stringify({ started, machine, runs, rows: scale }, null, 1)}\n`);

// ── Queries in-process on the largest corpus ───────────────────────────────────────────────────────────
log(`queries in-process on ${largest.size} articles (bench/query.mjs --snapshot)`);
const queryMeasured = { at: new Date(), loadavgBefore: loadavg() };
const query = { ...runScript('query.mjs', ['--snapshot', largest.snapshot, '--rounds', '300', '--budget-ms', values['query-budget-ms']]), measured: { ...queryMeasured, loadavgAfter: loadavg() } };
writeFileSync(join(results, 'query-corpus.json'), `${JSON.stringify({ started, machine, ...query }, null, 1)}\n`);

// ── HTTP on the largest corpus ─────────────────────────────────────────────────────────────────────────
const graph = await loadSnapshot(largest.snapshot);
const questions = corpusQuestions(graph, { exportFocus: true });
log(`HTTP on ${largest.size} articles (${questions.length} questions, ${seconds} s each, four servers: bare, cached, not cached, Apollo's floor)`);
const httpMeasured = { at: new Date(), loadavgBefore: loadavg() };
const http = { ...(await benchHttp({ snapshot: largest.snapshot, questions, seconds, connections, workDir: work })), measured: { ...httpMeasured, loadavgAfter: loadavg() } };
writeFileSync(join(results, 'http-corpus.json'), `${JSON.stringify({ started, machine, articles: largest.size, seconds, connections, ...http }, null, 1)}\n`);

// ── The PostgreSQL store beside the in-memory one, on the largest size ──────────────────────────────────
// bench/postgres.mjs starts its own throwaway cluster; the run decides about the load, so --force.
const postgresInstalled = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')));
let postgres = null;
if (values['no-postgres']) postgres = { skipped: 'skipped in this run (`--no-postgres`)' };
else if (!postgresInstalled) postgres = { skipped: 'skipped: PostgreSQL is not installed (Debian: `apt-get install postgresql`)' };
else {
  log(`PostgreSQL store on ${largest.size} articles (bench/postgres.mjs)`);
  const file = join(results, 'postgres.json');
  const postgresMeasured = { at: new Date(), loadavgBefore: loadavg() };
  execFileSync(process.execPath, [join(root, 'bench', 'postgres.mjs'), '--articles', String(largest.size), '--requests', '100', '--force', '--json', file], { stdio: ['ignore', 'inherit', 'inherit'] });
  postgres = { ...JSON.parse(readFileSync(file, 'utf8')), measured: { ...postgresMeasured, loadavgAfter: loadavg() } };
  writeFileSync(file, `${JSON.stringify(postgres, null, 1)}\n`);
}

// ── The seed benchmarks ─────────────────────────────────────────────────────────────────────────────────
if (!values['no-seed-benchmarks']) {
  log('bench/build.mjs (copies of the seed article)');
  execFileSync(process.execPath, [join(root, 'bench', 'build.mjs'), '--runs', String(runs), '--sizes', '1,10,50', '--json', join(results, 'build-copies.json')], { stdio: ['ignore', 'inherit', 'inherit'] });
  log('bench/http.mjs (seed graph)');
  execFileSync(process.execPath, [join(root, 'bench', 'http.mjs'), '--seconds', String(Math.min(seconds, 2)), '--connections', String(connections), '--json', join(results, 'http-seed.json')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

const finished = new Date();
const summary = { started, finished, machine, loadavgAtEnd: loadavg(), options: { maxArticles, sizes, runs, seconds, connections, queryBudgetMs: Number(values['query-budget-ms']), postgres: !values['no-postgres'] } };
writeFileSync(join(results, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
const { markdown, svg } = renderReport({ summary, scale, http, query, postgres, resultsDir: results });
writeFileSync(join(root, 'docs', 'performance-scale.svg'), svg);
writeFileSync(join(root, 'docs', 'performance.md'), markdown);
log(`wrote bench/results/*.json, docs/performance.md and docs/performance-scale.svg in ${((finished - started) / 1000).toFixed(0)} s`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
