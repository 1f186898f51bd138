// Fuzzing the data loader (issue 11): mutated copies of the seed's data (lines deleted, duplicated, swapped;
// characters flipped; scalars replaced by lists, maps, numbers, huge strings; BOM, CRLF, binary bytes; YAML
// anchors, aliases, alias bombs and cycles) are validated one by one, and built when valid. A case fails when
// validation or the build throws instead of reporting, a problem has no location, the case takes more than
// --max-ms, or its worker runs out of its --max-mb heap. Seeded and reproducible: case N of seed S is always
// the same input; each failing case is saved as a data directory under --out with a reason.json.
//
// Usage: npm run build && npm run fuzz -- [--cases 500] [--seed 1] [--max-ms 5000] [--max-mb 500] [--out .tmp/fuzz-failures] [--json]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_ARTICLE = 'ukraine-peace-talks-2025-04';

function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// ── Mutations: each takes the file's text (or bytes) and a random source, and returns the new content ───────
const pick = (next, list) => list[Math.floor(next() * list.length)];
const lineOps = (fn) => (text, next) => {
  const lines = text.split('\n');
  fn(lines, next);
  return lines.join('\n');
};
const MUTATIONS = {
  deleteLine: lineOps((lines, next) => lines.splice(Math.floor(next() * lines.length), 1)),
  duplicateLine: lineOps((lines, next) => {
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 0, lines[i]);
  }),
  swapLines: lineOps((lines, next) => {
    const i = Math.floor(next() * lines.length);
    const j = Math.floor(next() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }),
  flipCharacter: (text, next) => {
    const at = Math.floor(next() * text.length);
    return text.slice(0, at) + pick(next, [':', '-', ' ', '"', "'", '’', '[', '{', '}', '&', '*', '!', '#', '|', '>', '\t', '\n', 'x', '\u0007', '\u0000']) + text.slice(at + 1);
  },
  scalarToOther: lineOps((lines, next) => {
    const candidates = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(- )?[A-Za-z_]+: \S/.test(l));
    if (candidates.length === 0) return;
    const [line, i] = pick(next, candidates);
    const replacement = pick(next, ['[a, b]', '{ x: 1 }', '42', '-3.5', 'true', 'null', '~', `"${'h'.repeat(20_000)}"`, `"${'word '.repeat(400)}"`, '""']);
    lines[i] = line.replace(/: .*$/, `: ${replacement}`);
  }),
  bom: (text) => `\ufeff${text}`,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  binaryBytes: (text, next) => {
    const at = Math.floor(next() * text.length);
    const bytes = Array.from({ length: 1 + Math.floor(next() * 8) }, () => String.fromCharCode(Math.floor(next() * 256))).join('');
    return { bytes: Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes, 'latin1'), Buffer.from(text.slice(at))]) };
  },
  anchorAndAlias: lineOps((lines, next) => {
    const values = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*[A-Za-z_]+: \S/.test(l));
    if (values.length < 2) return;
    const [from, i] = pick(next, values);
    const [to, j] = pick(next, values);
    lines[i] = from.replace(/: /, ': &a ');
    lines[j] = to.replace(/: .*$/, ': *a');
  }),
  unresolvedAlias: lineOps((lines, next) => {
    const values = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*[A-Za-z_]+: \S/.test(l));
    if (values.length === 0) return;
    const [line, i] = pick(next, values);
    lines[i] = line.replace(/: .*$/, ': *nowhere');
  }),
  cyclicAlias: (text) => text.replace(/^(\S+):\n/m, '$1: &cycle\n  looped: *cycle\n'),
  aliasBomb: (text) => {
    const levels = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`bomb${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`);
    return `${levels.join('\n')}\n${text}`;
  },
  truncate: (text, next) => text.slice(0, Math.floor(next() * text.length)),
  emptyFile: () => '',
};
const NAMES = Object.keys(MUTATIONS);

/** The data directory of case `n`: the seed's files with 1-3 mutations, each on a random file. */
function makeCase(seedDir, seed, n, dir) {
  const next = random(seed * 1_000_003 + n);
  const files = ['entities.yaml', `articles/${SEED_ARTICLE}.yaml`, `articles/${SEED_ARTICLE}.yaml`, `articles/${SEED_ARTICLE}.txt`];
  const contents = new Map(files.map((f) => [f, readFileSync(join(seedDir, f), 'utf8')]));
  const applied = [];
  for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
    const file = pick(next, files);
    const name = pick(next, NAMES);
    const current = contents.get(file);
    if (typeof current !== 'string') continue; // already bytes
    const result = MUTATIONS[name](current, next);
    contents.set(file, typeof result === 'string' ? result : result.bytes);
    applied.push(`${name}(${file})`);
  }
  mkdirSync(join(dir, 'articles'), { recursive: true });
  for (const [file, content] of contents) writeFileSync(join(dir, file), content);
  return applied;
}

// ── The worker: validates cases one after another, reporting each ────────────────────────────────────────────
if (!isMainThread) {
  const { buildGraph, validateData } = await import(join(ROOT, 'dist', 'index.js'));
  const { seedDir, seed, from, to, work } = workerData;
  for (let n = from; n < to; n++) {
    const dir = join(work, `case-${n}`);
    const mutations = makeCase(seedDir, seed, n, dir);
    parentPort.postMessage({ n, started: true, mutations });
    const started = performance.now();
    let outcome;
    try {
      const problems = await validateData(dir);
      // What validates must build: an exception there is as much a failure as one in validation.
      if (problems.length === 0) await buildGraph(dir);
      const unlocated = problems.filter((p) => !p.file || !(p.line >= 1) || !(p.column >= 1) || !p.code);
      outcome = { problems: problems.length, unlocated: unlocated.map((p) => `${p.code}: ${p.message.slice(0, 200)}`), codes: [...new Set(problems.map((p) => p.code))] };
    } catch (error) {
      outcome = { exception: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : String(error) };
    }
    const ms = performance.now() - started;
    rmSync(dir, { recursive: true, force: true });
    parentPort.postMessage({ n, ms, heapMb: process.memoryUsage().heapUsed / 2 ** 20, ...outcome });
  }
  process.exit(0);
}

// ── The main thread: runs workers with a watchdog, classifies, saves failures, reports ───────────────────────
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    'max-ms': { type: 'string', default: '5000' },
    'max-mb': { type: 'string', default: '500' },
    out: { type: 'string', default: '.tmp/fuzz-failures' },
    data: { type: 'string', default: join(ROOT, 'data') },
    json: { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const maxMs = Number(values['max-ms']);
const maxMb = Number(values['max-mb']);
const work = mkdtempSync(join(tmpdir(), 'newsgraph-fuzz-'));
const summary = { cases, seed, ok: 0, located: 0, failures: [], slowestMs: 0, meanMs: 0, maxHeapMb: 0, codes: {} };
let totalMs = 0;

function saveFailure(n, reason) {
  const dir = join(values.out, `seed-${seed}-case-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(values.out, { recursive: true });
  makeCase(values.data, seed, n, dir);
  writeFileSync(join(dir, 'reason.json'), `${JSON.stringify({ seed, case: n, ...reason }, null, 2)}\n`);
  summary.failures.push({ case: n, ...reason });
}

let n = 0;
while (n < cases) {
  // One worker per run of cases; a case over its time or memory ends the worker, the next one resumes after it.
  n = await new Promise((resolve) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { seedDir: values.data, seed, from: n, to: cases, work },
      resourceLimits: { maxOldGenerationSizeMb: maxMb },
    });
    let current = n;
    let mutations = [];
    let watchdog;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        saveFailure(current, { kind: 'timeout', mutations, ms: maxMs });
        void worker.terminate();
      }, maxMs);
    };
    worker.on('message', (m) => {
      if (m.started) {
        current = m.n;
        mutations = m.mutations;
        arm();
        return;
      }
      clearTimeout(watchdog);
      totalMs += m.ms;
      summary.slowestMs = Math.max(summary.slowestMs, m.ms);
      summary.maxHeapMb = Math.max(summary.maxHeapMb, m.heapMb);
      for (const code of m.codes ?? []) summary.codes[code] = (summary.codes[code] ?? 0) + 1;
      if (m.exception) saveFailure(m.n, { kind: 'exception', mutations, error: m.exception });
      else if (m.unlocated.length > 0) saveFailure(m.n, { kind: 'unlocated', mutations, problems: m.unlocated });
      else if (m.ms > maxMs) saveFailure(m.n, { kind: 'slow', mutations, ms: Math.round(m.ms) });
      else if (m.problems === 0) summary.ok++;
      else summary.located++;
      current = m.n + 1;
    });
    worker.on('error', (error) => {
      clearTimeout(watchdog);
      saveFailure(current, { kind: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', mutations, error: String(error) });
      current += 1;
    });
    worker.on('exit', () => {
      clearTimeout(watchdog);
      // A timed-out case was recorded by the watchdog: go on after it.
      if (summary.failures.some((f) => f.case === current && f.kind === 'timeout')) current += 1;
      resolve(current);
    });
  });
}
rmSync(work, { recursive: true, force: true });
summary.meanMs = Math.round((totalMs / Math.max(1, cases)) * 10) / 10;
summary.slowestMs = Math.round(summary.slowestMs);
summary.maxHeapMb = Math.round(summary.maxHeapMb);
if (values.json) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`fuzz: ${cases} cases (seed ${seed}): ${summary.located} refused with located problems, ${summary.ok} valid, ${summary.failures.length} failed`);
  console.log(`time per case: mean ${summary.meanMs} ms, slowest ${summary.slowestMs} ms; largest heap ${summary.maxHeapMb} MB`);
  console.log(`problem codes seen (cases): ${Object.entries(summary.codes).sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${k}`).join(', ')}`);
  for (const f of summary.failures.slice(0, 20)) console.log(`FAILED case ${f.case} (${f.kind}) ${f.mutations.join(' ')}: ${(f.error ?? f.problems?.join('; ') ?? `${f.ms} ms`).split('\n')[0]}`);
  if (summary.failures.length > 0) console.log(`failing cases saved under ${values.out}/ (replay: npm run fuzz -- --seed ${seed} --cases N)`);
}
process.exitCode = summary.failures.length > 0 ? 1 : 0;
