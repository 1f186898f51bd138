// One build in a fresh process (so that its peak memory is its own): builds DATA_DIR, writes the snapshot and,
// when it fits in one string, graphology's JSON (the old snapshot format, the load baseline). Prints one JSON line.
// With CACHE_DIR (an empty folder: a build from scratch) the build writes its cache there, as `newsgraph build`
// does by default, so that bench/scale/rebuildOnce.mjs can rebuild from it. Threads: the builder's default.
// Usage: node bench/scale/buildOnce.mjs DATA_DIR SNAPSHOT_FILE JSON_FILE [CACHE_DIR]
import { writeFileSync } from 'node:fs';
import { buildGraph, serializeGraph, writeSnapshot } from '../../dist/index.js';

const [dataDir, snapshotFile, jsonFile, cacheDir] = process.argv.slice(2);
let counts;
const started = performance.now();
const graph = await buildGraph(dataDir, { ...(cacheDir ? { cache: cacheDir } : {}), onChecked: (c) => (counts = c) });
const buildMs = performance.now() - started;
// Every thread's CPU time (this one's and the workers'): steadier than wall time on a shared machine.
const { user, system } = process.cpuUsage();
const buildCpuMs = (user + system) / 1000;
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
process.stdout.write(`${JSON.stringify({ articles, nodes: graph.order, edges: graph.size, buildMs, buildCpuMs, writeMs, peakRssAfterBuild, jsonBytes, threads: counts?.threads ?? null })}\n`);
