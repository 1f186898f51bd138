// A rebuild in a fresh process after an edit, as `newsgraph build` makes it: the build through the cache a
// previous build left in CACHE_DIR (only the edited articles are checked again), then the snapshot written.
// Prints one JSON line: the build's time, the snapshot's (wall clock, and the process's CPU time, which a loaded
// machine inflates less), how many articles were checked and how many came
// from the cache, and the peak RSS.
// Usage: node bench/scale/rebuildOnce.mjs DATA_DIR SNAPSHOT_FILE CACHE_DIR
import { buildGraph, writeSnapshot } from '../../dist/index.js';

const [dataDir, snapshotFile, cacheDir] = process.argv.slice(2);
let counts;
const started = performance.now();
const graph = await buildGraph(dataDir, { cache: cacheDir, onChecked: (c) => (counts = c) });
const buildMs = performance.now() - started;
const { user, system } = process.cpuUsage();
const buildCpuMs = (user + system) / 1000;
const writing = performance.now();
await writeSnapshot(graph, snapshotFile);
const writeMs = performance.now() - writing;
const total = process.cpuUsage();
const totalCpuMs = (total.user + total.system) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ buildMs, buildCpuMs, writeMs, totalMs: buildMs + writeMs, totalCpuMs, checked: counts?.checked, fromCache: counts?.fromCache, peakRss })}\n`);
