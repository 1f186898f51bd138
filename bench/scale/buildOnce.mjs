// One build in a fresh process (so that its peak memory is its own): builds DATA_DIR, writes the snapshot and,
// when it fits in one string, graphology's JSON (the old snapshot format, the load baseline). Prints one JSON line.
// Usage: node bench/scale/buildOnce.mjs DATA_DIR SNAPSHOT_FILE JSON_FILE
import { writeFileSync } from 'node:fs';
import { buildGraph, serializeGraph, writeSnapshot } from '../../dist/index.js';

const [dataDir, snapshotFile, jsonFile] = process.argv.slice(2);
const started = performance.now();
const graph = await buildGraph(dataDir);
const buildMs = performance.now() - started;
const peakRssAfterBuild = process.resourceUsage().maxRSS * 1024;
const writing = performance.now();
await writeSnapshot(graph, snapshotFile);
const writeMs = performance.now() - writing;
let jsonBytes = null;
try {
  const json = serializeGraph(graph);
  jsonBytes = Buffer.byteLength(json);
  writeFileSync(jsonFile, json);
} catch (error) {
  jsonBytes = `failed: ${error.message}`; // beyond the longest string V8 makes
}
const articles = graph.getAttribute('articles').length;
process.stdout.write(`${JSON.stringify({ articles, nodes: graph.order, edges: graph.size, buildMs, writeMs, peakRssAfterBuild, jsonBytes })}\n`);
