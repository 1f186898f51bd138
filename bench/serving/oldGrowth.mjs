// What a cache hit leaves in the old generation (issue 7, `front`): a server is started with --trace-gc-nvp and
// node's young generation held at 16 MiB (as `newsgraph serve` holds it), asked one question for 15 s (settling),
// then measured for SECONDS: bytes promoted by scavenges per request, and the old generation's growth between
// scavenges per request (what is allocated there directly: V8 rehashes a Set or Map of the old generation into a new
// old-generation table). Deterministic where CPU figures under contention are not.
// SERVER: newsgraph (dist/cli/bin.js serve --snapshot SNAPSHOT), bare (bare.mjs holding SNAPSHOT's graph), or
// hit (hitOnly.mjs, no graph: newsgraph's hit path alone; VARIANT=closures|nokey|flat|plain, joined by +).
// Usage: node bench/serving/oldGrowth.mjs newsgraph|bare|hit SNAPSHOT [SECONDS]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadSnapshot } from '../../dist/index.js';
import { corpusQuestions } from './corpusQuestions.mjs';
import { JSON_HEADERS, SERVER_NODE_FLAGS } from './http.mjs';

const [server, snapshot, seconds = '10'] = process.argv.slice(2);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const q = corpusQuestions(await loadSnapshot(snapshot)).find((question) => question.name === 'EntityWithEvidence');
const body = JSON.stringify({ query: q.query, variables: q.variables });
const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-old-'));
// For bare and hit: a stored answer of the same size as a cached one (its bytes do not matter here).
writeFileSync(`${workDir}/r.json`, JSON.stringify([{ headers: ['content-type', 'application/json'], body: JSON.stringify({ data: { x: 'x'.repeat(580) } }) }]));
const flags = ['--trace-gc-nvp', ...SERVER_NODE_FLAGS];
const args = {
  newsgraph: [...flags, here('../../dist/cli/bin.js'), 'serve', '--snapshot', snapshot, '--port', '0'],
  bare: [...flags, '--expose-gc', here('bare.mjs'), `${workDir}/r.json`, snapshot],
  hit: [...flags, here('hitOnly.mjs'), `${workDir}/r.json`, process.env.VARIANT ?? ''],
}[server];
if (args === undefined) throw new Error('usage: node bench/serving/oldGrowth.mjs newsgraph|bare|hit SNAPSHOT [SECONDS]');
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NEWSGRAPH_PROGRESS: '0' } });
let text = '';
const url = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`${server} exited (${code})`)));
  child.stdout.on('data', (chunk) => {
    text += chunk;
    const found = /GraphQL and playground: (\S+)/u.exec(text)?.[1] ?? /\{"url":"([^"]+)"\}/u.exec(text)?.[1];
    if (found !== undefined) resolve(server === 'newsgraph' ? found : `${found}/q/0`);
  });
});
try {
  const options = { url, method: 'POST', headers: JSON_HEADERS, body, connections: 10 };
  await autocannon({ ...options, duration: 15 });
  const start = text.length;
  const result = await autocannon({ ...options, duration: Number(seconds) });
  await new Promise((r) => setTimeout(r, 200));
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  const lines = text.slice(start).split('\n');
  const scavenges = lines.filter((l) => l.includes('gc=s '));
  const majors = lines.filter((l) => /gc=(mc|ms|mmc) /u.test(l)).length;
  const field = (l, name) => Number(new RegExp(`${name}=([\\d.]+)`, 'u').exec(l)?.[1] ?? 0);
  const promoted = scavenges.reduce((sum, l) => sum + field(l, 'promoted'), 0);
  let growth = 0;
  for (let i = 1; i < scavenges.length; i++) growth += Math.max(0, field(scavenges[i], 'total_size_after') - field(scavenges[i - 1], 'total_size_after'));
  const n = result.requests.total;
  console.log(`${server}${process.env.VARIANT ? ` (${process.env.VARIANT})` : ''}: ${n} requests, ${scavenges.length} scavenges (${(n / Math.max(1, scavenges.length)).toFixed(0)} requests each), ${majors} full collections; promoted ${(promoted / n).toFixed(1)} B/request; old generation growth between scavenges ${(growth / n).toFixed(1)} B/request`);
} finally {
  child.kill('SIGTERM');
  rmSync(workDir, { recursive: true, force: true });
}
