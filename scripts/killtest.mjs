// Kill test (issue 11): writers are killed with SIGKILL at random moments while an older output is in place;
// after each kill the output must be the old one or the new one, whole, never a mix; after the next, complete
// run, no temporary sibling may be left. Seeded and reproducible.
//
// Targets: `build -o FILE` (the snapshot), `export --format graphml -o FILE`, `export --format csv -o DIR`, and
// the library's writers alone with 8-24 MB outputs (big-file, big-folder), where most kills land mid-write.
// Usage: npm run build && npm run killtest -- [--trials 20] [--seed 1] [--targets build,file,folder,big-file,big-folder] [--data DIR]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

const { values } = parseArgs({ options: { data: { type: 'string', default: join(ROOT, 'data') }, trials: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, targets: { type: 'string', default: 'build,file,folder,big-file,big-folder' }, json: { type: 'boolean', default: false } } });

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WRITER = join(ROOT, 'dist', 'build', 'writeAtomic.js');
/** The writers alone, with outputs of many megabytes: a kill then lands inside the write most of the time. */
const bigWrite = (call) => ['--input-type=module', '-e', `import { writeFileAtomic, writeFolderAtomic } from ${JSON.stringify(WRITER)}; const big = (c) => c.repeat(8 << 20); await ${call};`];
const TARGETS = {
  build: (out) => [BIN, 'build', values.data, '-o', out],
  file: (out) => [BIN, 'export', '--format', 'graphml', '-o', out, '--snapshot', '__SNAPSHOT__'],
  folder: (out) => [BIN, 'export', '--format', 'csv', '-o', out, '--snapshot', '__SNAPSHOT__'],
  'big-file': (out) => bigWrite(`writeFileAtomic(${JSON.stringify(out)}, big('f'))`),
  'big-folder': (out) => bigWrite(`writeFolderAtomic(${JSON.stringify(out)}, { 'nodes.csv': big('n'), 'relationships.csv': big('r'), 'neo4j-admin-import.sh': big('s') })`),
};

/** What the output holds: a file's text, or a folder's files (name → text), or null when absent. */
function read(path) {
  if (!existsSync(path)) return null;
  if (statSync(path).isDirectory()) return Object.fromEntries(readdirSync(path).sort().map((name) => [name, readFileSync(join(path, name), 'utf8')]));
  return readFileSync(path, 'utf8');
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function writeOld(path, kind) {
  rmSync(path, { recursive: true, force: true });
  if (kind.endsWith('folder')) {
    mkdirSync(path);
    for (const name of ['nodes.csv', 'relationships.csv', 'neo4j-admin-import.sh']) writeFileSync(join(path, name), `old ${name}\n`);
  } else {
    writeFileSync(path, 'old output\n');
  }
  return read(path);
}

const leftovers = (path) => readdirSync(dirname(path)).filter((n) => n.startsWith(`.${path.split('/').pop()}.`));

function run(args) {
  return spawnSync(process.execPath, args, { encoding: 'utf8' });
}

const next = random(Number(values.seed));
const work = mkdtempSync(join(tmpdir(), 'newsgraph-killtest-'));
const snapshot = join(work, 'snapshot.json');
const made = run([BIN, 'build', values.data, '-o', snapshot]);
if (made.status !== 0) throw new Error(`cannot build the snapshot: ${made.stderr}`);

const report = {};
for (const kind of values.targets.split(',')) {
  const out = join(work, kind.endsWith('folder') ? `out-${kind}` : `out-${kind}.txt`);
  const args = (path) => TARGETS[kind](path).map((a) => (a === '__SNAPSHOT__' ? snapshot : a));
  // The new output, and how long a whole run takes: kills are spread over that time.
  // The median of three runs: the first one also pays for cold caches.
  const durations = [];
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    const reference = run(args(out));
    durations.push(performance.now() - started);
    if (reference.status !== 0) throw new Error(`${kind}: ${reference.stderr}`);
  }
  const duration = durations.sort((a, b) => a - b)[1];
  const fresh = read(out);
  const result = { trials: 0, killedBeforeWrite: 0, killedAfterWrite: 0, mixed: 0, leftoversAfterKill: 0, leftoversAfterNextRun: 0, failures: [] };
  for (let trial = 0; trial < Number(values.trials); trial++) {
    const old = writeOld(out, kind);
    // Most of a run is starting node and building; kills are spread over its second half, where the writes are.
    const delay = Math.floor(duration * (0.5 + 0.6 * next()));
    const child = spawn(process.execPath, args(out), { stdio: 'ignore' });
    const closed = new Promise((resolve) => child.on('close', resolve)); // listened to at once: it may end before the kill
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGKILL');
    await closed;
    const after = read(out);
    result.trials++;
    if (same(after, old)) result.killedBeforeWrite++;
    else if (same(after, fresh)) result.killedAfterWrite++;
    else {
      result.mixed++;
      result.failures.push({ trial, delay, state: after === null ? 'absent' : 'mixed' });
    }
    if (leftovers(out).length > 0) result.leftoversAfterKill++;
    const again = run(args(out));
    if (again.status !== 0 || !same(read(out), fresh)) result.failures.push({ trial, delay, state: 'next run did not write the new output' });
    if (leftovers(out).length > 0) {
      result.leftoversAfterNextRun++;
      result.failures.push({ trial, delay, state: `leftovers after the next run: ${leftovers(out).join(', ')}` });
    }
  }
  report[kind] = { ...result, runMs: Math.round(duration) };
}
rmSync(work, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify(report));
else for (const [kind, r] of Object.entries(report)) console.log(`${kind}: ${r.trials} kills (run ${r.runMs} ms): old ${r.killedBeforeWrite}, new ${r.killedAfterWrite}, mixed or absent ${r.mixed}; temporary files left by the kill ${r.leftoversAfterKill}, after the next run ${r.leftoversAfterNextRun}`);
process.exitCode = Object.values(report).some((r) => r.failures.length > 0) ? 1 : 0;
