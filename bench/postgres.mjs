// PostgreSQL store benchmark (issue 12): for N generated articles, the time to build and to load them into
// PostgreSQL, then the same questions over HTTP to two servers started as the user starts them (`serve --snapshot`,
// the in-memory baseline, and `serve --store`), p50/p99 per question and each server's RSS, in one run.
// Every request asks about another entity, so the response cache never answers: the stores do.
// Then every playground question (src/api/examples.ts), as written and with this corpus's own entities as
// bench/query.mjs picks them (the most mentioned person, proposal, place, event): those repeat one question, so each
// request carries one more variable the operation does not declare (`benchRequest: i`), which graphql-js ignores
// but which makes the response cache's key another one: the store answers every request.
// Usage: npm run build && node bench/postgres.mjs [--articles 2000] [--requests 200] [--store URL] [--json FILE] [--work DIR]
//          [--snapshot FILE] [--skip-load] [--skip-memory] [--only NAME,NAME] [--playground-requests 50]
// --only keeps the questions whose name contains one of these (e.g. --only explore,Crimea).
// --bin FILE serves --store with that build's CLI instead of this checkout's dist/cli/bin.js.
// --baseline-bin FILE also serves --store with another build's CLI (e.g. main's dist/cli/bin.js) and asks it the same
// questions in the same run, one request to each in turn: the figures before and after a change, under the same load.
// --work DIR keeps the generated corpus and its snapshot there, and reuses them on the next run (no generate, no build).
// --snapshot FILE takes a snapshot already built (`newsgraph build -o FILE`, e.g. of 100,000 generated articles) and
// loads it as `newsgraph load --snapshot` does, record by record, never holding its graph; --skip-load serves what
// --store already holds (loaded from that snapshot); --skip-memory leaves out the in-memory server (at 100,000
// articles it takes half a minute to load and 5.8 GB resident, and doubles the run's time).
// Without --store it starts a throwaway cluster (initdb + pg_ctl, as postgres when root) and removes it after.
// It refuses to run while the load average is above 3 (the machine is shared); --force overrides.
// --baseline-args "ARGS" and --baseline-node-args "ARGS" (space-separated) give the baseline server more `serve` options or
// node options, e.g. `--baseline-bin dist/cli/bin.js --baseline-args="--record-cache-mb 16"` (with `=`: the value starts with a dash): one setting against
// another, on the same build, in the same run.
// --warm-up N (default 5) asks each server every question N times before its measured requests, not counted: the
// steady state a serving process is in, not the first requests after its start, when node has yet to compile the
// question's code paths. Lookups warm up on other entities than the measured ones (PostgreSQL's cache is not warmed
// for them); a playground question warms up on itself, as its own measured requests do from the second on. The first
// warm-up request's time is kept in each row (`first`), so a fresh server's cost stays in sight.
// Each question's row also gives each server's peak RSS while it was asked (`peak MB`: VmHWM, reset before the
// question by writing 5 to /proc/PID/clear_refs; '-' where the kernel refuses that): which questions set the peak.
// Then the whole graph's exports that stream from the database (--exports json,graphml,cytoscape,cypher,gdelt,gexf,dot,csv,turtle,ntriples,jsonld,
// every format, the default; --exports none skips them), downloaded whole from each server one at a time: bytes, seconds and the
// server's peak RSS, beside a plain read of the same records (COPY ... TO STDOUT of the article, entity and relation
// records, in graph order, into this process): the database's own cost of what every export reads.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus/generate.mjs';
import { buildGraph, loadSnapshotIntoPostgres, writeSnapshot } from '../dist/index.js';
import { snapshotRecords } from '../dist/store/postgres/index.js';
import { PLAYGROUND_EXAMPLES } from '../dist/api/examples.js';
import { processTree } from './serving/http.mjs';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '200' },
    store: { type: 'string' },
    json: { type: 'string' },
    work: { type: 'string' },
    snapshot: { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
    'skip-memory': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    only: { type: 'string' },
    'baseline-bin': { type: 'string' },
    'baseline-args': { type: 'string', default: '' },
    'baseline-node-args': { type: 'string', default: '' },
    bin: { type: 'string' },
    'playground-requests': { type: 'string', default: '50' },
    'warm-up': { type: 'string', default: '5' },
    exports: { type: 'string', default: 'json,graphml,cytoscape,cypher,gdelt,gexf,dot,csv,turtle,ntriples,jsonld' },
  },
});
if (values['skip-load'] && (values.store === undefined || values.snapshot === undefined)) {
  console.error('bench:postgres: --skip-load serves what --store already holds: give --store URL and the --snapshot FILE it was loaded from.');
  process.exit(1);
}
let articles = Number(values.articles);
const requests = Number(values.requests);
if (!values.force && loadavg()[0] > 3) {
  console.error(`bench:postgres: the load average is ${loadavg()[0].toFixed(1)} (> 3); try again later, or pass --force.`);
  process.exit(1);
}

// --bin FILE serves with another build of this CLI (e.g. one built to another folder while dist/ is in use).
const BIN = values.bin ?? new URL('../dist/cli/bin.js', import.meta.url).pathname;
const seconds = (start) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
// The in-memory `serve` re-executes itself and serves from its child (src/cli/serveRespawn.ts): memory is the process
// tree's, the waiting command included, as a user's `ps` would add it up.
const rssMb = (pid, field = 'VmRSS') => {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(new RegExp(`${field}:\\s+(\\d+)`, 'u').exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // A process that ended between the listing and the read: nothing to add.
    }
  }
  return Math.round(kb / 1024);
};

/**
 * Resets the peak RSS (VmHWM) of each process of the tree to its current RSS; false where the kernel refuses (then no
 * per-question peak). The tree's peak is then the sum of its processes' peaks (the waiting command's is flat).
 */
const resetPeak = (pid) => {
  try {
    for (const p of processTree(pid)) writeFileSync(`/proc/${p}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
};

// A throwaway cluster when no --store is given (the same recipe as tests/utils/postgresCluster.ts).
async function startCluster() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql), or pass --store URL');
  const bin = `/usr/lib/postgresql/${versions[0]}/bin`;
  const root = process.getuid?.() === 0;
  const run = (binary, args) => {
    const result = root ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, binary), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, binary), args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${binary} failed:\n${result.stderr}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-pg-'));
  if (root) {
    const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Durable settings (fsync on): the figures are those of a real server, not of a test cluster.
  run('pg_ctl', ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Set when the run stops its servers: their exit is then expected, not reported. */
let stopping = false;

/** Starts `newsgraph serve ARGS` (of the CLI `bin`, under node options `nodeArgs`) on a free port; resolves with its URL and process. */
function serve(args, bin = BIN, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', ...args], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_PROGRESS: '0' } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(output)?.[0];
      if (url) resolve({ url, child });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (stopping) return;
      console.error(`bench:postgres: serve ${args.join(' ')} exited (${code}):\n${output.slice(-4000)}`);
      reject(new Error(`serve ${args.join(' ')} exited (${code})`));
    });
  });
}

/** Asks one question; returns null when answered, else the error code (a refusal is counted, not hidden). */
async function ask(url, query, variables, operationName) {
  let response;
  let body;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables, operationName }) });
    body = await response.json();
  } catch (error) {
    // The server closed the connection (or died): counted, and the run goes on to say so in its table.
    return `NO ANSWER (${error.cause?.code ?? error.message})`;
  }
  if (response.status === 200 && !body.errors) return null;
  // NOT_FOUND is an answer (a seed entity the generated corpus does not hold), not a refusal.
  const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
  return code === 'NOT_FOUND' && response.status === 200 ? null : code;
}

/**
 * The playground's variables for this corpus, as bench/query.mjs `corpusVariables` picks them, from the records
 * (no graph): the most mentioned person (from), the person halfway down that list (to), the last word of the most
 * mentioned person's name (text), the most mentioned proposal's and place's names, the most mentioned event (id).
 */
function corpusPicks(records) {
  const people = [];
  const best = {};
  const more = (e, b) => b === undefined || e.articles.length > b.articles.length || (e.articles.length === b.articles.length && e.id < b.id);
  for (const e of records.entities()) {
    if (e.kind === 'PERSON') people.push({ id: e.id, name: e.name, articles: { length: e.articles.length } });
    if ((e.kind === 'PROPOSAL' || e.kind === 'PLACE' || e.kind === 'EVENT') && more(e, best[e.kind])) best[e.kind] = { id: e.id, name: e.name, articles: { length: e.articles.length } };
  }
  people.sort((x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : 1));
  const [top, second = top] = people;
  const middle = people[Math.floor(people.length / 2)] ?? top;
  return {
    from: top?.id,
    to: middle?.id === top?.id ? second?.id : middle?.id,
    text: top?.name.split(' ').at(-1),
    proposal: best.PROPOSAL?.name,
    place: best.PLACE?.name,
    id: best.EVENT?.id,
  };
}

/** Each playground question as written, and with the corpus's own entities when it takes variables. */
function playgroundQuestions(picks) {
  const questions = [];
  for (const example of PLAYGROUND_EXAMPLES) {
    const base = { query: example.query, operationName: example.operationName, playground: true };
    questions.push({ ...base, name: `${example.operationName} (as written)`, variables: example.variables ?? {} });
    if (example.variables === undefined) continue;
    const own = Object.fromEntries(Object.keys(example.variables).map((name) => [name, picks[name]]));
    if (Object.values(own).every((v) => v !== undefined)) questions.push({ ...base, name: `${example.operationName} (corpus entities)`, variables: own });
  }
  return questions;
}

// The nearest-rank percentile: the ⌈p/100 · n⌉-th smallest of n. Below 100 requests a question p99 is the slowest one;
// at 100 the second slowest, at 200 the third. (It was index ⌊p/100 · n⌋, one rank too high: the slowest of 100, not the 99th.)
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** Downloads `url` whole from the server `pid` (its tree): status, bytes, seconds and the server's peak RSS meanwhile. */
async function download(url, pid) {
  const peakKnown = resetPeak(pid);
  const start = process.hrtime.bigint();
  let status = 'NO ANSWER';
  let bytes = 0;
  try {
    const response = await fetch(url);
    status = response.status;
    for await (const chunk of response.body) bytes += chunk.byteLength;
  } catch (error) {
    status = `NO ANSWER (${error.cause?.code ?? error.message})`;
  }
  return { status, bytes, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMb: peakKnown ? rssMb(pid, 'VmHWM') : '-' };
}

/** The baseline of the exports: the records every whole-graph export reads, read with COPY in graph order, nothing made of them. */
async function plainRead(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const start = process.hrtime.bigint();
  let bytes = 0;
  try {
    for (const sql of [
      'COPY (SELECT doc FROM newsgraph.article ORDER BY graph_pos) TO STDOUT',
      'COPY (SELECT id, doc FROM newsgraph.entity ORDER BY pos) TO STDOUT',
      'COPY (SELECT id, subject, object, doc FROM newsgraph.relation ORDER BY pos) TO STDOUT',
    ]) {
      for await (const chunk of client.query(copyStreams.to(sql))) bytes += chunk.length;
    }
  } finally {
    await client.end();
  }
  return { bytes, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

// The questions: each takes an entity (or two) drawn from the corpus, another one per request.
const QUESTIONS = [
  { name: 'entity + relations', query: 'query($id: ID!) { entity(id: $id) { id name relations(first: 20) { id predicate subject { id name } object { id name } } } }' },
  { name: 'neighbours depth 2', query: 'query($id: ID!) { entity(id: $id) { neighbors(depth: 2, first: 50) { distance entity { id name } } } }' },
  { name: 'search by name', query: 'query($text: String!) { search(text: $text, limit: 10) { id name kind } }' },
  { name: 'path (4 hops)', query: 'query($id: ID!, $to: ID!) { path(from: $id, to: $to, maxHops: 4) { id } }' },
  { name: 'relations of an entity, page', query: 'query($id: ID!) { relations(subject: $id, first: 20) { totalCount edges { node { id evidence { exact } } } } }' },
  { name: 'explore (limit 200)', query: 'query($id: ID!) { explore(center: $id, depth: 2, limit: 200) { reachable nodes { id x y } edges { id } } }' },
];

const work = values.work ?? mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
const cluster = values.store === undefined ? await startCluster() : { url: values.store, stop() {} };
const servers = [];
try {
  const dataDir = join(work, 'data');
  const snapshot = values.snapshot ?? join(work, 'graph.snapshot');
  let start = process.hrtime.bigint();
  let generateSeconds = 'reused';
  let buildSeconds = 'reused';
  if (!existsSync(snapshot)) {
    generateCorpus({ articles, seed: 1, out: dataDir });
    generateSeconds = seconds(start);
    start = process.hrtime.bigint();
    // The graph is let go once written: the load and the questions read the snapshot, as the CLI does.
    await writeSnapshot(await buildGraph(dataDir), snapshot);
    buildSeconds = seconds(start);
  }
  const records = await snapshotRecords(snapshot);
  articles = records.articles.length;
  let loadSeconds = 'skipped (already loaded)';
  let loadedRows = '?';
  if (!values['skip-load']) {
    start = process.hrtime.bigint();
    const loaded = await loadSnapshotIntoPostgres(cluster.url, snapshot);
    loadSeconds = seconds(start);
    loadedRows = loaded.rows;
  }
  console.log(`bench:postgres: ${articles} generated articles: ${records.entityCount} entities, ${records.relationCount} relations`);
  console.log(`  generate ${generateSeconds} s, build ${buildSeconds} s, load into PostgreSQL ${loadSeconds} s (${loadedRows} rows, COPY + indexes + switch)`);

  // Entities to ask about: spread over the graph; names for search are their first word.
  const step = Math.max(1, Math.floor(records.entityCount / requests));
  const ids = [];
  const names = [];
  let at = 0;
  for (const entity of records.entities()) {
    if (at++ % step !== 0 || ids.length >= requests) continue;
    ids.push(entity.id);
    names.push(entity.name.split(' ')[0]);
  }
  const variablesOf = (i) => ({ id: ids[i % ids.length], to: ids[(i * 7 + 3) % ids.length], text: names[i % names.length] });
  // Warm-up entities: halfway between two measured ones, so none is asked both to warm up and to be measured.
  const warmUp = Number(values['warm-up']);
  const warmIds = [];
  const warmNames = [];
  at = 0;
  for (const entity of records.entities()) {
    if (at++ % step !== Math.floor(step / 2) || warmIds.length >= warmUp) continue;
    warmIds.push(entity.id);
    warmNames.push(entity.name.split(' ')[0]);
  }
  const warmVariablesOf = (i) => ({ id: warmIds[i % warmIds.length], to: warmIds[(i + 1) % warmIds.length], text: warmNames[i % warmNames.length] });
  const picks = corpusPicks(records);
  console.log(`  playground variables for this corpus: ${JSON.stringify(picks)}`);
  const only = values.only?.split(',').map((s) => s.trim().toLowerCase());
  const questions = [...QUESTIONS, ...playgroundQuestions(picks)].filter((q) => only === undefined || only.some((o) => q.name.toLowerCase().includes(o)));
  const playgroundRequests = Number(values['playground-requests']);

  const memory = values['skip-memory'] ? undefined : await serve(['--snapshot', snapshot]);
  if (memory) servers.push(memory.child);
  const postgres = await serve(['--store', cluster.url]);
  servers.push(postgres.child);
  const words = (text) => text.split(' ').filter((w) => w !== '');
  const baseline =
    values['baseline-bin'] === undefined ? undefined : await serve(['--store', cluster.url, ...words(values['baseline-args'])], values['baseline-bin'], words(values['baseline-node-args']));
  if (baseline) servers.push(baseline.child);
  // Memory (issue 12): each server's resident set once started, after the questions, and at its peak (VmHWM).
  const memoryAtStart = { memory: memory ? rssMb(memory.child.pid) : null, baseline: baseline ? rssMb(baseline.child.pid) : null, postgres: rssMb(postgres.child.pid) };

  const rows = [];
  // The highest per-question peak of each server: VmHWM is reset before each question, so the run's peak is their maximum.
  const questionPeaks = { memory: 0, baseline: 0, postgres: 0 };
  for (const q of questions) {
    const row = { question: q.name };
    // Servers in turn, request by request, so that a burst of load on the machine falls on each alike.
    const asked = [...(memory ? [['memory', memory]] : []), ...(baseline ? [['baseline', baseline]] : []), ['postgres', postgres]].map(([label, server]) => ({ label, server, times: [], refused: new Map() }));
    const n = q.playground ? playgroundRequests : ids.length;
    const peakKnown = new Map(asked.map(({ label, server }) => [label, resetPeak(server.child.pid)]));
    for (let i = 0; i < warmUp; i++) {
      for (const entry of asked) {
        const t = process.hrtime.bigint();
        const error = q.playground ? await ask(entry.server.url, q.query, { ...q.variables, benchRequest: -1 - i }, q.operationName) : await ask(entry.server.url, q.query, warmVariablesOf(i));
        if (i === 0) entry.first = Number(process.hrtime.bigint() - t) / 1e6;
        if (error !== null) entry.refused.set(`${error} (warm-up)`, (entry.refused.get(`${error} (warm-up)`) ?? 0) + 1);
      }
    }
    for (let i = 0; i < n; i++) {
      for (const { server, times, refused } of asked) {
        const t = process.hrtime.bigint();
        // A playground question is one question: the undeclared `benchRequest` only keeps the response cache out.
        const error = q.playground ? await ask(server.url, q.query, { ...q.variables, benchRequest: i }, q.operationName) : await ask(server.url, q.query, variablesOf(i));
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (error !== null) refused.set(error, (refused.get(error) ?? 0) + 1);
      }
    }
    for (const { label, times, refused, first } of asked) {
      times.sort((a, b) => a - b);
      if (first !== undefined) row[`${label} first`] = first.toFixed(1);
      row[`${label} p50`] = percentile(times, 50).toFixed(1);
      row[`${label} p99`] = percentile(times, 99).toFixed(1);
      row[`${label} refused`] = [...refused].map(([code, k]) => `${k} ${code}`).join(', ') || '0';
    }
    for (const { label, server } of asked) {
      const known = peakKnown.get(label) && server.child.exitCode === null;
      row[`${label} peak MB`] = known ? rssMb(server.child.pid, 'VmHWM') : '-';
      if (known) questionPeaks[label] = Math.max(questionPeaks[label], row[`${label} peak MB`]);
    }
    rows.push(row);
    console.log(`  ${JSON.stringify(row)}`);
  }
  // The whole graph's streamed exports, from each server in turn, after a plain read of the records they read.
  const exportFormats = values.exports === 'none' ? [] : values.exports.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const exports = { plainRead: exportFormats.length > 0 ? await plainRead(cluster.url) : null, rows: [] };
  if (exports.plainRead) console.log(`  exports: a plain read of the records (COPY TO STDOUT) ${exports.plainRead.bytes} bytes in ${exports.plainRead.seconds} s`);
  for (const format of exportFormats) {
    const row = { format };
    for (const [label, server] of [...(memory ? [['memory', memory]] : []), ['postgres', postgres]]) {
      row[label] = await download(server.url.replace(/\/graphql$/u, `/export/${format}`), server.child.pid);
    }
    exports.rows.push(row);
    console.log(`  export ${JSON.stringify(row)}`);
  }
  const alive = (server) => server !== undefined && server.child.exitCode === null;
  const rss = { memory: alive(memory) ? rssMb(memory.child.pid) : null, baseline: alive(baseline) ? rssMb(baseline.child.pid) : null, postgres: alive(postgres) ? rssMb(postgres.child.pid) : null };
  console.log(`  ${ids.length} requests per question and store (${playgroundRequests} per playground question), one at a time, each about another entity or past the response cache, after ${warmUp} warm-up requests (\`first\`: the first of them) (ms):`);
  console.table(rows);
  console.log(`  API server RSS after the run: in-memory ${rss.memory ?? 'not run'} MB, PostgreSQL store ${rss.postgres ?? 'exited'} MB${baseline ? `, baseline build ${rss.baseline ?? 'exited'} MB` : ''}`);
  const peakOf = (label, server) => (alive(server) ? Math.max(rssMb(server.child.pid, 'VmHWM'), questionPeaks[label]) : null);
  const peak = { memory: peakOf('memory', memory), baseline: peakOf('baseline', baseline), postgres: peakOf('postgres', postgres) };
  const memoryFigures = { atStart: memoryAtStart, afterQuestions: rss, peak };
  const figures = (label) => `${memoryAtStart[label] ?? '-'} / ${rss[label] ?? 'exited'} / ${peak[label] ?? 'exited'}`;
  console.log(`  API server RSS, MB (at start / after the questions / peak): in-memory ${memory ? figures('memory') : 'not run'}, PostgreSQL store ${figures('postgres')}${baseline ? `, baseline build ${figures('baseline')}` : ''}`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work: figures taken under contention)`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ articles, entities: records.entityCount, relations: records.relationCount, generateSeconds, buildSeconds, loadSeconds, rows, rss, memory: memoryFigures, exports }, null, 2)}\n`);
} finally {
  stopping = true;
  for (const child of servers) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  cluster.stop();
  if (values.work === undefined) rmSync(work, { recursive: true, force: true });
}
