// Loading a snapshot in a fresh process: the time, and the resident memory once loaded (after a full GC);
// then the baseline, JSON.parse of graphology's JSON of the same graph (not even turned into a graph).
// Usage: node --expose-gc bench/scale/loadOnce.mjs SNAPSHOT_FILE JSON_FILE
import { existsSync, readFileSync } from 'node:fs';
import { loadSnapshot } from '../../dist/index.js';

const [snapshotFile, jsonFile] = process.argv.slice(2);
const started = performance.now();
const graph = await loadSnapshot(snapshotFile);
const loadMs = performance.now() - started;
globalThis.gc?.();
const rssAfterLoad = process.memoryUsage().rss;
const heapAfterLoad = process.memoryUsage().heapUsed;
let jsonParseMs = null;
if (existsSync(jsonFile)) {
  const parsing = performance.now();
  JSON.parse(readFileSync(jsonFile, 'utf8'));
  jsonParseMs = performance.now() - parsing;
}
process.stdout.write(`${JSON.stringify({ nodes: graph.order, edges: graph.size, loadMs, rssAfterLoad, heapAfterLoad, jsonParseMs })}\n`);
