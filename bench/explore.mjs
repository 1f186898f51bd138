// Explorer benchmark: the server side of the explorer on a corpus. The seed article is copied N times (as in
// bench/build.mjs: its events, claims and article id renamed, its shared entities reused, so the shared entities
// become hubs of degree ~N), built, then: the one-off layout (first explore request of a snapshot) and an
// explore query around a hub, in-process, beside the same figures for the one-article graph measured in the same run.
// Usage: npm run build && node bench/explore.mjs [--articles 1000] [--runs 7]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildGraph, createSchema, defaultDataDir } from '../dist/index.js';
import { graphLayout } from '../dist/graph/index.js';
import { graphql } from 'graphql';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' } } });
const copies = Number(values.articles);
const runs = Number(values.runs);

const seed = defaultDataDir();
const ARTICLE = 'ukraine-peace-talks-2025-04';
const yamlText = readFileSync(join(seed, 'articles', `${ARTICLE}.yaml`), 'utf8');
const ownIds = [...yamlText.matchAll(/^  - id: ([a-z0-9-]+)$/gmu)].map((m) => m[1]);

function dataDir(n) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-explore-'));
  cpSync(join(seed, 'entities.yaml'), join(dir, 'entities.yaml'));
  for (let i = 0; i < n; i++) {
    const name = `${ARTICLE}-${i}`;
    let text = yamlText.replace(`id: ${ARTICLE}`, `id: ${name}`).replace(`text: ${ARTICLE}.txt`, `text: ${name}.txt`);
    for (const id of ownIds) text = text.replace(new RegExp(`\\b${id}\\b(?!-)`, 'gu'), `${id}-${i}`);
    cpSync(join(seed, 'articles', `${ARTICLE}.txt`), join(dir, 'articles', `${name}.txt`), { recursive: true });
    writeFileSync(join(dir, 'articles', `${name}.yaml`), text);
  }
  return dir;
}

const QUERY = `{ explore(center: "donald-trump", depth: 2, limit: 500) { truncated reachable edgesTruncated
  nodes { id name kind x y distance degree time articleIds } edges { id predicate source target negated modality origin attributedTo event time articleIds } } }`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

async function measure(n) {
  const dir = dataDir(n);
  try {
    const graph = await buildGraph(dir);
    const schema = createSchema(graph);
    let start = performance.now();
    graphLayout(graph);
    const layoutMs = performance.now() - start;
    const times = [];
    let bytes = 0;
    let answer;
    for (let r = 0; r < runs + 1; r++) {
      start = performance.now();
      answer = await graphql({ schema, source: QUERY });
      const ms = performance.now() - start;
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      if (r > 0) times.push(ms); // the first run warms up
      bytes = JSON.stringify(answer.data).length;
    }
    const view = answer.data.explore;
    return { n, order: graph.order, size: graph.size, layoutMs, times, bytes, drawn: view.nodes.length, reachable: view.reachable, truncated: view.truncated, edges: view.edges.length, edgesTruncated: view.edgesTruncated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [await measure(1), await measure(copies)];
console.log('articles  entities  relations  layout once (ms)  explore p50 (ms) [min–max]  answer (KB)  drawn / reachable  relations drawn');
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(8)}  ${String(r.order).padStart(8)}  ${String(r.size).padStart(9)}  ${r.layoutMs.toFixed(0).padStart(15)}  ${median(r.times).toFixed(1).padStart(16)} [${spread(r.times)}]  ${(r.bytes / 1024).toFixed(0).padStart(11)}  ${r.drawn} / ${r.reachable}${r.truncated ? ' (cut)' : ''}  ${r.edges}${r.edgesTruncated ? ' (cut)' : ''}`,
  );
}
