// What one playground question costs the `serve --store` server itself, two builds side by side (issue 12, `pgeachjs`):
// per request its CPU (the server process's utime + stime from /proc, every thread's), its GC (scavenges and
// mark-compacts with their pauses, and the bytes scavenges promote, from node's --trace-gc-nvp), latency p50/p99 and
// the process's peak RSS (VmHWM). Both servers serve the same --store, asked one request each in turn, every request
// with its own `benchRequest` variable so that the response cache never answers (and, as in bench/postgres.mjs, each
// answer enters it). Run it on a corpus already loaded (bench/postgres.mjs --snapshot; a copy of a loaded cluster).
// Usage: npm run build && node bench/postgres-server-cost.mjs --store URL --baseline-bin OTHER/dist/cli/bin.js
//          [--bin dist/cli/bin.js] [--question WhatEachArticleAdded] [--requests 100] [--rounds 3] [--warm-up 10]
//          [--node-args "..."] [--baseline-node-args "..."] [--args "..."] [--baseline-args "..."] (give values that
//          start with a dash with `=`: --node-args="--max-semi-space-size=32")
// A round is `--requests` requests to each server; the first round after a cluster starts is cold: discard it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { PLAYGROUND_EXAMPLES } from '../dist/api/examples.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    bin: { type: 'string', default: new URL('../dist/cli/bin.js', import.meta.url).pathname },
    'baseline-bin': { type: 'string' },
    question: { type: 'string', default: 'WhatEachArticleAdded' },
    requests: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    'warm-up': { type: 'string', default: '10' },
    'node-args': { type: 'string', default: '' },
    'baseline-node-args': { type: 'string', default: '' },
    args: { type: 'string', default: '' },
    'baseline-args': { type: 'string', default: '' },
  },
});
const example = PLAYGROUND_EXAMPLES.find((e) => e.operationName === values.question);
if (values.store === undefined || values['baseline-bin'] === undefined || example === undefined) {
  console.error(`bench/postgres-server-cost: give --store URL, --baseline-bin FILE and a --question among ${PLAYGROUND_EXAMPLES.map((e) => e.operationName).join(', ')}.`);
  process.exit(1);
}
const requests = Number(values.requests);
const words = (text) => text.split(' ').filter((word) => word !== '');

/** Starts `serve --store` of `bin` under --trace-gc-nvp; resolves once it listens, its GC events collected as they come. */
function serve(bin, nodeArgs, args) {
  const child = spawn(process.execPath, ['--trace-gc-nvp', ...words(nodeArgs), bin, 'serve', '--store', values.store, ...words(args)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_PROGRESS: '0' },
  });
  const server = { child, gc: [], url: undefined };
  let pending = '';
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (line.includes(' pause=')) {
          const field = Object.fromEntries(line.split(/\s+/u).map((pair) => pair.split('=')).filter((pair) => pair.length === 2));
          server.gc.push({ kind: field.gc, pause: Number(field.pause), promoted: Number(field.promoted ?? 0) });
        } else if (server.url === undefined) {
          output += `${line}\n`;
          server.url = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(line)?.[0];
          if (server.url !== undefined) resolve(server);
        }
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (server.url === undefined) reject(new Error(`serve exited (${code}):\n${output}`));
    });
  });
}

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};
const peakMb = (pid) => Math.round(Number(/VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

let sent = 0;
/** One request; its milliseconds and the answer's size. @throws when refused (a refusal is not a figure) */
async function ask(server) {
  const started = performance.now();
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: example.query, operationName: example.operationName, variables: { benchRequest: sent++ } }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || body.includes('"errors"')) throw new Error(`refused: ${body.slice(0, 300)}`);
  return { ms, bytes: body.length };
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const sum = (xs, f) => xs.reduce((total, x) => total + f(x), 0);

const servers = [
  { name: 'baseline', ...(await serve(values['baseline-bin'], values['baseline-node-args'], values['baseline-args'])) },
  { name: 'this', ...(await serve(values.bin, values['node-args'], values.args)) },
];
try {
  for (let i = 0; i < Number(values['warm-up']); i++) for (const server of servers) await ask(server);
  for (let round = 0; round < Number(values.rounds); round++) {
    const loadBefore = loadavg()[0];
    const start = servers.map((s) => ({ cpu: cpuMs(s.child.pid), gc: s.gc.length, ms: [], bytes: 0 }));
    for (let i = 0; i < requests; i++) {
      for (const [k, server] of servers.entries()) {
        const { ms, bytes } = await ask(server);
        start[k].ms.push(ms);
        start[k].bytes = bytes;
      }
    }
    console.log(`round ${round + 1}, load average ${loadBefore.toFixed(1)}-${loadavg()[0].toFixed(1)}, per request:`);
    console.table(
      servers.map((server, k) => {
        const events = server.gc.slice(start[k].gc);
        const scavenges = events.filter((e) => e.kind === 's');
        const full = events.filter((e) => e.kind !== 's');
        return {
          server: server.name,
          'p50 ms': percentile(start[k].ms, 50).toFixed(1),
          'p99 ms': percentile(start[k].ms, 99).toFixed(1),
          'CPU ms': ((cpuMs(server.child.pid) - start[k].cpu) / requests).toFixed(2),
          scavenges: (scavenges.length / requests).toFixed(2),
          'scavenge ms': (sum(scavenges, (e) => e.pause) / requests).toFixed(2),
          'promoted KB': (sum(scavenges, (e) => e.promoted) / requests / 1024).toFixed(0),
          'mark-compacts': full.length,
          'their pauses ms': full.map((e) => e.pause.toFixed(0)).join(' '),
          'peak MB': peakMb(server.child.pid),
          'answer bytes': start[k].bytes,
        };
      }),
    );
  }
} finally {
  for (const server of servers) server.child.kill('SIGTERM');
}
