// The server under test, in its own process: serves SNAPSHOT with the response cache on or off, prints its
// URL as one JSON line, and stops on SIGTERM. DIST (default: this checkout's dist/) is the build to serve,
// so that one run can measure another build of newsgraph beside this one (main.mjs --compare-dist).
// Usage: node bench/serving/serve.mjs SNAPSHOT_FILE cache|nocache [DIST]
import { pathToFileURL } from 'node:url';

// As `newsgraph serve` runs it: graphql-js in production mode (src/cli/bin.ts), set before graphql is loaded.
process.env.NODE_ENV ??= 'production';

const [snapshotFile, mode, dist] = process.argv.slice(2);
const entry = dist === undefined ? new URL('../../dist/index.js', import.meta.url) : pathToFileURL(`${dist}/index.js`);
const { loadSnapshot, startServer } = await import(entry.href);
const graph = await loadSnapshot(snapshotFile);
const quiet = { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`), debug() {} };
const server = await startServer({ graph, port: 0, handleSignals: true, logger: quiet, responseCacheBytes: mode === 'nocache' ? 0 : undefined });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
