// Build benchmark: how build time grows with the number of articles. The seed article is copied N times
// (its events, claims and article id renamed, its shared entities reused) and built; the figure to compare
// is the time per article against the one-article build of the same run.
// Usage: npm run build && node bench/build.mjs [--runs 5] [--sizes 1,10,50] [--json FILE]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, parseDocument } from 'yaml';
import { encodeSnapshot } from '../dist/build/index.js';
import { buildGraph, defaultDataDir, serializeGraph } from '../dist/index.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, sizes: { type: 'string', default: '1,10,50' }, json: { type: 'string' } } });
const runs = Number(values.runs);
const sizes = values.sizes.split(',').map(Number);

const seed = defaultDataDir();
const ARTICLE = 'ukraine-peace-talks-2025-04';
const yamlText = readFileSync(join(seed, 'articles', `${ARTICLE}.yaml`), 'utf8');
// The article's own ids (events, claims): renamed in each copy so that ids stay unique.
const ownIds = [...yamlText.matchAll(/^  - id: ([a-z0-9-]+)$/gmu)].map((m) => m[1]);

// data/ is a corpus: keep only the shared entities the seed article names, so that each copy builds alone.
const seedMentions = new Set(Object.keys(parse(yamlText).mentions));
const entitiesDoc = parseDocument(readFileSync(join(seed, 'entities.yaml'), 'utf8'));
entitiesDoc.set('entities', entitiesDoc.toJS().entities.filter((e) => seedMentions.has(e.id)));
const seedEntities = entitiesDoc.toString();

function dataDir(copies) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  writeFileSync(join(dir, 'entities.yaml'), seedEntities);
  for (let i = 0; i < copies; i++) {
    const name = `${ARTICLE}-${i}`;
    let text = yamlText.replace(`id: ${ARTICLE}`, `id: ${name}`).replace(`text: ${ARTICLE}.txt`, `text: ${name}.txt`);
    for (const id of ownIds) text = text.replace(new RegExp(`\\b${id}\\b(?!-)`, 'gu'), `${id}-${i}`);
    cpSync(join(seed, 'articles', `${ARTICLE}.txt`), join(dir, 'articles', `${name}.txt`), { recursive: true });
    writeFileSync(join(dir, 'articles', `${name}.yaml`), text);
  }
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const size of sizes) {
  const dir = dataDir(size);
  const times = [];
  let graph;
  for (let r = 0; r < runs + 1; r++) {
    const start = process.hrtime.bigint();
    graph = await buildGraph(dir);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r > 0) times.push(ms); // the first run warms the JIT and the schema compiler
  }
  const snapshotBytes = encodeSnapshot(graph).length;
  const jsonBytes = Buffer.byteLength(serializeGraph(graph));
  rows.push({ size, ms: median(times), min: Math.min(...times), max: Math.max(...times), nodes: graph.order, edges: graph.size, snapshotBytes, jsonBytes });
  rmSync(dir, { recursive: true, force: true });
}

const perArticle = rows[0].ms / rows[0].size;
console.log(`newsgraph build benchmark: median of ${runs} runs (after one warm-up)\n`);
console.log(`${'articles'.padStart(8)} ${'entities'.padStart(9)} ${'relations'.padStart(10)} ${'median ms'.padStart(10)} ${'min'.padStart(7)} ${'max'.padStart(7)} ${'ms/article'.padStart(11)} ${'vs 1'.padStart(6)} ${'snapshot KB'.padStart(12)}`);
for (const r of rows) {
  const per = r.ms / r.size;
  console.log(`${String(r.size).padStart(8)} ${String(r.nodes).padStart(9)} ${String(r.edges).padStart(10)} ${r.ms.toFixed(1).padStart(10)} ${r.min.toFixed(1).padStart(7)} ${r.max.toFixed(1).padStart(7)} ${per.toFixed(1).padStart(11)} ${(per / perArticle).toFixed(2).padStart(6)} ${(r.snapshotBytes / 1024).toFixed(0).padStart(12)}`);
}
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ benchmark: 'build of seed copies', runs, rows }, null, 1)}\n`);
