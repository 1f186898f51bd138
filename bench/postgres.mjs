// PostgreSQL store benchmark (issue 12): for N generated articles, the time to build and to load them into
// PostgreSQL, then the same questions over HTTP to two servers started as the user starts them (`serve --snapshot`,
// the in-memory baseline, and `serve --store`), p50/p99 per question and each server's RSS, in one run.
// Every request asks about another entity, so the response cache never answers: the stores do.
// Usage: npm run build && node bench/postgres.mjs [--articles 2000] [--requests 200] [--store URL] [--json FILE] [--work DIR]
//          [--snapshot FILE] [--skip-load] [--skip-memory]
// --work DIR keeps the generated corpus and its snapshot there, and reuses them on the next run (no generate, no build).
// --snapshot FILE takes a snapshot already built (`newsgraph build -o FILE`, e.g. of 100,000 generated articles) and
// loads it as `newsgraph load --snapshot` does, record by record, never holding its graph; --skip-load serves what
// --store already holds (loaded from that snapshot); --skip-memory leaves out the in-memory server (at 100,000
// articles it needs more than node's default heap).
// Without --store it starts a throwaway cluster (initdb + pg_ctl, as postgres when root) and removes it after.
// It refuses to run while the load average is above 3 (the machine is shared); --force overrides.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus/generate.mjs';
import { buildGraph, loadSnapshotIntoPostgres, writeSnapshot } from '../dist/index.js';
import { snapshotRecords } from '../dist/store/postgres/index.js';

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

const BIN = new URL('../dist/cli/bin.js', import.meta.url).pathname;
const seconds = (start) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
const rssMb = (pid, field = 'VmRSS') => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`, 'u').exec(status)?.[1] ?? 0) / 1024);
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

/** Starts `newsgraph serve ARGS` on a free port; resolves with its URL and process. */
function serve(args) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_PROGRESS: '0' } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(output)?.[0];
      if (url) resolve({ url, child });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`serve ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** Asks one question; returns null when answered, else the error code (a refusal is counted, not hidden). */
async function ask(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (response.status === 200 && !body.errors) return null;
  return body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

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

  const memory = values['skip-memory'] ? undefined : await serve(['--snapshot', snapshot]);
  if (memory) servers.push(memory.child);
  const postgres = await serve(['--store', cluster.url]);
  servers.push(postgres.child);
  // Memory (issue 12): each server's resident set once started, after the questions, and at its peak (VmHWM).
  const memoryAtStart = { memory: memory ? rssMb(memory.child.pid) : null, postgres: rssMb(postgres.child.pid) };

  const rows = [];
  for (const q of QUESTIONS) {
    const row = { question: q.name };
    for (const [label, server] of [...(memory ? [['memory', memory]] : []), ['postgres', postgres]]) {
      const times = [];
      const refused = new Map();
      for (let i = 0; i < ids.length; i++) {
        const t = process.hrtime.bigint();
        const error = await ask(server.url, q.query, variablesOf(i));
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (error !== null) refused.set(error, (refused.get(error) ?? 0) + 1);
      }
      times.sort((a, b) => a - b);
      row[`${label} p50`] = percentile(times, 50).toFixed(1);
      row[`${label} p99`] = percentile(times, 99).toFixed(1);
      row[`${label} refused`] = [...refused].map(([code, n]) => `${n} ${code}`).join(', ') || '0';
    }
    rows.push(row);
    console.log(`  ${JSON.stringify(row)}`);
  }
  const rss = { memory: memory ? rssMb(memory.child.pid) : null, postgres: rssMb(postgres.child.pid) };
  console.log(`  ${ids.length} requests per question and store, one at a time, each about another entity (ms):`);
  console.table(rows);
  console.log(`  API server RSS after the run: in-memory ${rss.memory ?? 'not run'} MB, PostgreSQL store ${rss.postgres} MB`);
  const peak = { memory: memory ? rssMb(memory.child.pid, 'VmHWM') : null, postgres: rssMb(postgres.child.pid, 'VmHWM') };
  const memoryFigures = { atStart: memoryAtStart, afterQuestions: rss, peak };
  console.log(`  API server RSS, MB (at start / after the questions / peak): in-memory ${memory ? `${memoryAtStart.memory} / ${rss.memory} / ${peak.memory}` : 'not run'}, PostgreSQL store ${memoryAtStart.postgres} / ${rss.postgres} / ${peak.postgres}`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work: figures taken under contention)`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ articles, entities: records.entityCount, relations: records.relationCount, generateSeconds, buildSeconds, loadSeconds, rows, rss, memory: memoryFigures }, null, 2)}\n`);
} finally {
  for (const child of servers) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  cluster.stop();
  if (values.work === undefined) rmSync(work, { recursive: true, force: true });
}
