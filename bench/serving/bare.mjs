// The HTTP baseline, in its own process: a bare node:http server that reads each request's body and writes
// stored responses, status line, headers and body, byte for byte what newsgraph's cached answer puts on the
// wire, as fast as node:http can (one writeHead with a flat header list, one end with a Buffer). /q/N answers
// question N of RESPONSES_FILE (a JSON list of { headers: [name, value, ...], body }); node adds Date,
// Connection and Keep-Alive itself, as it does for newsgraph. Prints its URL as one JSON line.
// With SNAPSHOT_FILE it first loads that graph and holds it, unused (a diagnostic: a heap like newsgraph's,
// which makes every minor collection dearer, with none of newsgraph's code on the path), then runs one full
// collection (node must be given --expose-gc, as http.mjs does): loading a graph of more than about 1,500 nodes
// fills V8's transitions from the empty object's hidden class (graphology's adjacency objects), and until a full
// collection clears them every object node makes per request that starts empty and gains properties gets a hidden
// class of its own, about 6 µs of CPU per request. newsgraph's server has had its full collections (its start-up
// work after the load) before it listens; without this the diagnostic measured that state, not the heap
// (docs/design-choices.md, section `hitsmall`).
// Usage: node [--expose-gc] bench/serving/bare.mjs RESPONSES_FILE [SNAPSHOT_FILE]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const held = process.argv[3] === undefined ? undefined : await (await import('../../dist/index.js')).loadSnapshot(process.argv[3]);
if (held !== undefined) {
  if (typeof globalThis.gc !== 'function') throw new Error('bare.mjs: holding a graph needs node --expose-gc (see the comment at the top)');
  globalThis.gc();
}

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((r) => ({ headers: r.headers, body: Buffer.from(r.body, 'utf8') }));
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const response = responses[Number(req.url?.split('/').at(-1))];
    if (response === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, response.headers);
    res.end(response.body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0)); // the benchmark that started it (http.mjs startChild) is gone
