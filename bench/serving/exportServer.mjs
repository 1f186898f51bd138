// The server under test for bench/serving/exportStall.mjs, in its own process: serves SNAPSHOT with the options
// given as JSON (e.g. {"responseCacheBytes":0}), prints its URL and the focus entity as one JSON line, stops on SIGTERM.
// Usage: node bench/serving/exportServer.mjs SNAPSHOT_FILE '{"responseCacheBytes":0}'
process.env.NODE_ENV ??= 'production';
const { loadSnapshot, startServer } = await import('../../dist/index.js');

const [snapshotFile, optionsJson = '{}'] = process.argv.slice(2);
const graph = await loadSnapshot(snapshotFile);
// The focus of bench/run.mjs: the person in the middle by number of articles.
const people = graph
  .filterNodes((_key, e) => e.kind === 'PERSON')
  .map((key) => graph.getNodeAttributes(key))
  .sort((x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : 1));
const middle = people[Math.floor(people.length / 2)];
const quiet = { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`), debug() {} };
const server = await startServer({ graph, port: 0, handleSignals: true, logger: quiet, ...JSON.parse(optionsJson) });
process.stdout.write(`${JSON.stringify({ url: server.url, focus: middle.id })}\n`);
