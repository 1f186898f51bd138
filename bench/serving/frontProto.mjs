// PROTOTYPE (issue 7, `front`): a cache hit answered from a heap that holds no graph. The main thread owns the
// HTTP server and the first-level cache (dist's readBodyThen, exactRequestKey, ResponseCache, sendExactHit); the
// graph and Apollo live in a worker thread, and every miss crosses to it over the worker's MessagePort (answer
// bytes transferred). MODE floor: the worker runs floor.mjs's Apollo (nothing of ours), so that this process
// without its cache against floor.mjs measures what the crossing costs; MODE newsgraph: createApolloServer.
// Usage: node bench/serving/frontProto.mjs SNAPSHOT floor|newsgraph cache|nocache
import { createServer } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

process.env.NODE_ENV ??= 'production';
if (isMainThread) {
  const [snapshot, mode, cacheMode] = process.argv.slice(2);
  const { readBodyThen } = await import('../../dist/api/http/body.js');
  const { exactRequestKey } = await import('../../dist/api/http/exactRequestKey.js');
  const { ResponseCache, sendExactHit, sendCached, etagOf } = await import('../../dist/api/http/responseCache.js');
  const { PLAYGROUND_CSP } = await import('../../dist/api/http/playgroundRoute.js');
  const { SOCKET_TIMEOUTS, SOCKET_IDLE_TIMEOUT_MS } = await import('../../dist/api/server.js');
  const worker = new Worker(new URL(import.meta.url), { workerData: { snapshot, mode } });
  const first = await new Promise((resolve) => worker.once('message', resolve));
  const snapshotId = mode === 'proxy' ? first.id : first;
  const { request, Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const cache = cacheMode === 'cache' ? new ResponseCache() : undefined;
  const extra = { 'newsgraph-snapshot': snapshotId, 'content-security-policy': PLAYGROUND_CSP };
  const pending = new Map();
  let next = 0;
  worker.on('message', ({ id, status, headers, body }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    waiting(status, headers, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
  const server = createServer(SOCKET_TIMEOUTS, (req, res) => {
    readBodyThen(req, 1 << 20, (error, bytes) => {
      if (error !== null) {
        res.writeHead(400).end();
        return;
      }
      const exactKey = cache === undefined ? undefined : exactRequestKey(snapshotId, req, bytes);
      const hit = exactKey === undefined ? undefined : cache.getExact(exactKey.head, exactKey.body);
      if (hit !== undefined) {
        sendExactHit(req, res, hit);
        return;
      }
      const id = next++;
      const reply = (status, headers, body) => {
        for (const name in extra) res.setHeader(name, extra[name]);
        if (cache !== undefined && status === 200) {
          const kept = headers.filter(([name]) => name !== 'content-length' && name !== 'etag' && name !== 'cache-control');
          kept.push(['cache-control', 'no-cache']);
          const entry = { status, headers: kept, body, etag: etagOf(body) };
          const key = `${exactKey.head}\n${exactKey.body}`;
          cache.set(key, entry);
          sendCached(req, res, entry, 'miss');
          cache.alias(exactKey, key, extra);
          return;
        }
        for (const [name, value] of headers) res.setHeader(name, value);
        res.statusCode = status;
        res.end(body);
      };
      if (mode === 'proxy') {
        const forward = request({ agent, host: '127.0.0.1', port: first.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          const chunks = [];
          answer.on('data', (c) => chunks.push(c));
          answer.on('end', () => {
            const headers = [];
            for (let i = 0; i < answer.rawHeaders.length; i += 2) {
              const name = answer.rawHeaders[i].toLowerCase();
              if (name !== 'date' && name !== 'connection' && name !== 'keep-alive' && name !== 'newsgraph-snapshot' && name !== 'content-security-policy') headers.push([name, answer.rawHeaders[i + 1]]);
            }
            reply(answer.statusCode, headers, Buffer.concat(chunks));
          });
        });
        forward.end(bytes);
        return;
      }
      pending.set(id, reply);
      worker.postMessage({ id, method: req.method, url: req.url, headers: req.headers, body: bytes });
    });
  });
  server.setTimeout(SOCKET_IDLE_TIMEOUT_MS);
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/graphql` })}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0)); // the benchmark that started it (http.mjs startChild) is gone
} else {
  const { snapshot, mode } = workerData;
  const { ApolloServer, HeaderMap } = await import('@apollo/server');
  const { loadSnapshot, createSchema } = await import('../../dist/index.js');
  const graph = await loadSnapshot(snapshot);
  if (mode === 'proxy') {
    const { startServer } = await import('../../dist/api/server.js');
    const { graphIdentity } = await import('../../dist/build/graphIdentity.js');
    const quiet = { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`), debug() {} };
    const server = await startServer({ graph, port: 0, handleSignals: false, logger: quiet, responseCacheBytes: 0 });
    parentPort.postMessage({ id: graphIdentity(graph).id, port: server.port });
    await new Promise(() => {});
  }
  let apollo;
  if (mode === 'floor') {
    const { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } = await import('@apollo/server/plugin/disabled');
    apollo = new ApolloServer({ schema: createSchema(graph), csrfPrevention: false, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()] });
  } else {
    const { createApolloServer } = await import('../../dist/api/apollo.js');
    const { playgroundPlugin } = await import('../../dist/api/http/playgroundRoute.js');
    apollo = createApolloServer(graph, { logger: { info() {}, warn() {}, error: (m) => process.stderr.write(`${m}\n`), debug() {} }, plugins: [playgroundPlugin('/graphql')] });
  }
  await apollo.start();
  await apollo.executeOperation({ query: '{ __typename snapshot { id } entities(first: 1) { totalCount } search(text: "warm up", limit: 1) { id } }' });
  const { graphIdentity } = await import('../../dist/build/graphIdentity.js');
  parentPort.postMessage(graphIdentity(graph).id);
  const encoder = new TextEncoder();
  parentPort.on('message', async ({ id, method, headers: raw, body }) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const text = body === undefined ? '' : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method, headers, search: '', body: text === '' ? undefined : JSON.parse(text) }, context: async () => ({}) });
    let string = '';
    if (response.body.kind === 'complete') string = response.body.string;
    else for await (const chunk of response.body.asyncIterator) string += chunk;
    const bytes = encoder.encode(string);
    parentPort.postMessage({ id, status: response.status ?? 200, headers: [...response.headers], body: bytes }, [bytes.buffer]);
  });
}
