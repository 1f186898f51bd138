// PROTOTYPE (issue 7, `front`): newsgraph's cache-hit path alone, in a process that holds no graph and no worker.
// /q/N is question N of RESPONSES_FILE (bare.mjs's format); its first request is stored as a miss would be
// (ResponseCache set + alias), every later one is a first-level hit through dist's readBodyThen, exactRequestKey,
// getExact and sendExactHit, with startServer's socket timeouts. With WORKER_SNAPSHOT set, a worker thread loads
// that snapshot and holds it, idle (what an idle graph worker alone costs the process).
// Usage: node bench/serving/hitOnly.mjs RESPONSES_FILE [plain]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Worker, isMainThread } from 'node:worker_threads';

if (!isMainThread) {
  const { loadSnapshot } = await import('../../dist/index.js');
  globalThis.held = await loadSnapshot(process.env.WORKER_SNAPSHOT);
  setInterval(() => {}, 1 << 30);
} else {
  const { readBodyThen } = await import('../../dist/api/http/body.js');
  const { exactRequestKey } = await import('../../dist/api/http/exactRequestKey.js');
  const { ResponseCache, sendExactHit, sendCached, etagOf } = await import('../../dist/api/http/responseCache.js');
  const { SOCKET_TIMEOUTS, SOCKET_IDLE_TIMEOUT_MS } = await import('../../dist/api/server.js');
  if (process.env.WORKER_SNAPSHOT) new Worker(new URL(import.meta.url));
  const variant = new Set((process.argv[3] ?? '').split('+'));
  const plain = variant.has('plain');
  // Variants, to find where the hit's CPU goes: closures (the body read with two closures, as bare.mjs does,
  // instead of readBodyThen), flat (writeHead with a flat header list), nokey (the entry looked up by target only).
  const readBody = variant.has('closures')
    ? (req, max, done) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
      }
    : readBodyThen;
  const byTarget = new Map();
  const flats = new Map();
  const responses = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const cache = new ResponseCache();
  const server = createServer(plain ? {} : SOCKET_TIMEOUTS, (req, res) => {
    readBody(req, 1 << 20, (error, bytes) => {
      if (variant.has('nokey')) {
        const known = byTarget.get(req.url);
        if (known !== undefined) {
          if (variant.has('flat')) {
            res.writeHead(200, known.flat);
            res.end(known.hit.response.body);
          } else sendExactHit(req, res, known.hit);
          return;
        }
      } else if (variant.has('flat')) {
        const exactKey = exactRequestKey('sha256:0123456789abcdef', req, bytes);
        const hit = cache.getExact(exactKey.head, exactKey.body);
        if (hit !== undefined) {
          res.writeHead(200, flats.get(hit));
          res.end(hit.response.body);
          return;
        }
      }
      const exactKey = exactRequestKey('sha256:0123456789abcdef', req, bytes);
      const hit = cache.getExact(exactKey.head, exactKey.body);
      if (hit !== undefined) {
        sendExactHit(req, res, hit);
        return;
      }
      const r = responses[Number(req.url.split('/').at(-1))];
      const headers = [];
      const extra = {};
      for (let i = 0; i < r.headers.length; i += 2) {
        const name = r.headers[i].toLowerCase();
        if (name === 'newsgraph-snapshot' || name === 'content-security-policy') extra[name] = r.headers[i + 1];
        else if (!['content-length', 'etag', 'newsgraph-cache'].includes(name)) headers.push([name, r.headers[i + 1]]);
      }
      const body = Buffer.from(r.body, 'utf8');
      const entry = { status: 200, headers, body, etag: etagOf(body) };
      const key = `${exactKey.head}\n${exactKey.body}`;
      cache.set(key, entry);
      for (const name in extra) res.setHeader(name, extra[name]);
      sendCached(req, res, entry, 'miss');
      cache.alias(exactKey, key, extra);
      const learnt = cache.getExact(exactKey.head, exactKey.body);
      const flat = Object.entries(learnt.headers).flat().map(String);
      flats.set(learnt, flat);
      byTarget.set(req.url, { hit: learnt, flat });
    });
  });
  if (!plain) server.setTimeout(SOCKET_IDLE_TIMEOUT_MS);
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0)); // the benchmark that started it (http.mjs startChild) is gone
}
