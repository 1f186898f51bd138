// HTTP against the bare baseline, all in their own processes: for each question, requests per second
// from the bare server writing newsgraph's exact answer bytes (headers included), at node's defaults and again with
// the V8 flags `newsgraph serve` gives its own server process (the stricter comparison), from newsgraph with the question cached
// (repeated), from newsgraph without the cache (every request executed: a question not yet cached), and from
// Apollo's floor (floor.mjs: node:http, JSON.parse and Apollo with the same schema and resolvers, nothing of ours),
// which says how much of an uncached answer's cost is ours; and, when asked (`compareDist`), from another build of
// newsgraph with the question cached (an A/B of two builds in the same run). newsgraph is started as a user starts it,
// `node dist/cli/bin.js serve --snapshot FILE` with no node flags of ours (the command picks its own: serveRespawn.ts),
// so its CPU and memory are those of the process tree (the command and the server process it starts).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Starts a script (with node flags) that prints {url} as its first line; resolves with the URL and the child.
 * In a session of its own (`detached`, setsid), as `newsgraph serve` runs its server process (serveRespawn.ts):
 * with the kernel's autogroup scheduling (on here, and on most desktop Linux), a process in another session is
 * scheduled as a group of its own, a peer of the benchmark's (its client's) group, where one in the benchmark's
 * session shares that group with the client. Measured (the same bare server twice, 2 s each, 6 alternating rounds,
 * load average 11-12): the one in a session of its own answered 0.20x-0.87x the requests per second of the one in the
 * benchmark's, at 1.1x-3.5x the CPU per request. The baselines used to run in the benchmark's session and
 * newsgraph's server in its own: the comparison favoured the baselines. The IPC channel is for nothing but its
 * closing: a server in another session would outlive a benchmark that crashed; bare.mjs and floor.mjs exit with it.
 */
export function startChild(script, args, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, here(script), ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], detached: true });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ url: JSON.parse(line).url, child }));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
  });
}

/**
 * Starts `newsgraph serve --snapshot FILE` from the build in `dist` (default: this checkout's) as a user does, with
 * `nodeFlags` on node's command line only when asked (a user's own flags win over the command's); resolves with
 * the URL once it prints it.
 */
export function startNewsgraph(snapshot, { cache = true, dist = here('../../dist'), nodeFlags = [] } = {}) {
  const args = [...nodeFlags, `${dist}/cli/bin.js`, 'serve', '--snapshot', snapshot, '--port', '0', '--host', '127.0.0.1', ...(cache ? [] : ['--response-cache-mb', '0'])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NEWSGRAPH_PROGRESS: '0' } });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const url = /GraphQL and playground: (\S+)/u.exec(line)?.[1];
      if (url !== undefined) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`newsgraph serve exited (${code}) before listening`)));
  });
}

/** `pid` and its descendants (a command that re-executes itself serves from its child), from /proc (Linux). */
export function processTree(pid) {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const task of safeReaddir(`/proc/${tree[i]}/task`)) {
      const children = safeRead(`/proc/${tree[i]}/task/${task}/children`);
      if (children !== null) for (const child of children.split(' ').filter((c) => c !== '')) tree.push(Number(child));
    }
  }
  return tree;
}

const safeReaddir = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const safeRead = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Resident memory in MB of each process of `pid`'s tree (VmRSS), the largest (the server) first. */
export function treeRssMb(pid) {
  return processTree(pid)
    .map((p) => Number(/VmRSS:\s+(\d+)/u.exec(safeRead(`/proc/${p}/status`) ?? '')?.[1] ?? 0) / 1024)
    .sort((a, b) => b - a);
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/**
 * Node flags of the second bare server, Apollo's floor and the bare server holding the graph: those `newsgraph serve`
 * starts its own server process with (a young generation held at node's maximum, which a quiet spell does not
 * shrink: docs/design-choices.md, "The server process's young generation"). newsgraph itself is given none: the
 * command picks them.
 */
export const SERVER_NODE_FLAGS = [...(await import('../../dist/cli/serveRespawn.js')).SERVE_NODE_FLAGS];

/** Headers node writes itself on every response, the bare server's as newsgraph's: not replayed. */
const NODE_OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The status, headers (a flat list in the order sent, as `res.rawHeaders`, less node's own) and body of one
 * answer, read with node:http (fetch would sort and merge the headers).
 */
export function rawAnswer(url, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, body === undefined ? { method: 'GET' } : { method: 'POST', headers: JSON_HEADERS }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const headers = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) if (!NODE_OWN_HEADERS.has(res.rawHeaders[i].toLowerCase())) headers.push(res.rawHeaders[i], res.rawHeaders[i + 1]);
        resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

/**
 * CPU time (user + system, ms) a process and its descendants have used, from /proc (Linux); null elsewhere. Unlike
 * requests per second, CPU per request hardly depends on what else the machine is doing.
 */
function cpuMs(pid) {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  let total = 0;
  for (const p of processTree(pid)) {
    const stat = safeRead(`/proc/${p}/stat`);
    if (stat === null) continue;
    const fields = stat.split(') ')[1].split(' ');
    total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  }
  return total;
}

/**
 * Waits until the process tree of `pid` has stopped working (at most one clock tick of CPU in 100 ms), at most
 * `maxMs`: when autocannon stops at the end of a measurement, the requests it had in flight are still being answered
 * (for an uncached large answer, up to ten of them at 100 ms or more each, interleaved by the execution budget), and
 * that work would otherwise run during the next measurement, of another server.
 */
export async function settle(pid, maxMs = 5000) {
  const started = Date.now();
  let last = cpuMs(pid);
  while (last !== null && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuMs(pid);
    if (now === null || now - last <= 10) return;
    last = now;
  }
}

const medianOf = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One server's measurements over the rounds as one: medians of rps, latencies and CPU per request. */
function summarized(measurements) {
  const cpu = measurements.map((m) => m.cpuUsPerRequest);
  return {
    rps: medianOf(measurements.map((m) => m.rps)),
    p50: medianOf(measurements.map((m) => m.p50)),
    p99: medianOf(measurements.map((m) => m.p99)),
    requests: measurements.reduce((n, m) => n + m.requests, 0),
    cpuUsPerRequest: cpu.some((c) => c == null) ? null : medianOf(cpu),
    rounds: measurements,
  };
}

/** The median, lowest and highest of per-round ratios `of(round)`, or null when a round has none. */
function perRound(rounds, of) {
  const xs = rounds.map(of);
  if (xs.length === 0 || xs.some((x) => x == null || !Number.isFinite(x))) return null;
  return { median: medianOf(xs), min: Math.min(...xs), max: Math.max(...xs), rounds: xs };
}

const spreadText = (r) => (r === null ? '—' : `${r.median.toFixed(2)}x (${r.min.toFixed(2)}-${r.max.toFixed(2)})`);

/** A GET of an export (`path`) or a POST of a GraphQL body, against the server in process `pid`. */
export async function load(url, body, seconds, connections, pid) {
  const request = body === undefined ? { method: 'GET' } : { method: 'POST', headers: JSON_HEADERS, body };
  const before = cpuMs(pid);
  const result = await autocannon({ url, ...request, duration: seconds, connections });
  const after = cpuMs(pid);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  const cpuUsPerRequest = before === null || after === null || result.requests.total === 0 ? null : ((after - before) * 1000) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, cpuUsPerRequest };
}

/**
 * @param {{ snapshot: string, questions: ({ name: string, query: string, variables?: object, operationName?: string } | { name: string, path: string })[], seconds: number, connections: number, workDir: string, warmUpSeconds?: number }} options
 */
export async function benchHttp({ snapshot, questions, seconds, connections, workDir, warmUpSeconds = 2, floor = true, uncachedToo = true, compareDist, nodeFlags = SERVER_NODE_FLAGS, newsgraphNodeFlags = [], bareHoldingGraph = false, method = 'rounds', rounds = 4 }) {
  const cached = await startNewsgraph(snapshot, { nodeFlags: newsgraphNodeFlags });
  const uncached = uncachedToo ? await startNewsgraph(snapshot, { cache: false, nodeFlags: newsgraphNodeFlags }) : undefined;
  const other = compareDist === undefined ? undefined : await startNewsgraph(snapshot, { dist: compareDist, nodeFlags: newsgraphNodeFlags });
  const apolloFloor = floor ? await startChild('floor.mjs', [snapshot], nodeFlags) : undefined;
  const rows = [];
  let serverRssMb = null;
  const refused = [];
  const usable = [];
  try {
    const target = (server, q) => (q.path === undefined ? server.url : `${new URL(server.url).origin}${q.path}`);
    for (const q of questions) {
      const body = q.path === undefined ? JSON.stringify({ query: q.query, variables: q.variables ?? {}, operationName: q.operationName }) : undefined;
      const response = await fetch(target(uncached ?? cached, q), body === undefined ? {} : { method: 'POST', headers: JSON_HEADERS, body });
      const text = await response.text();
      if (response.status !== 200 || (body !== undefined && 'errors' in JSON.parse(text))) refused.push({ name: q.name, status: response.status, answer: text.slice(0, 300) });
      else usable.push({ ...q, body, answer: text, contentType: response.headers.get('content-type') });
    }
    // What the bare server replays: newsgraph's cached answer as it is sent, headers included (asked twice: the
    // second is the hit measured below), so that both write the same bytes.
    for (const q of usable) {
      await rawAnswer(target(cached, q), q.body);
      const hit = await rawAnswer(target(cached, q), q.body);
      if (hit.status !== 200 || hit.body !== q.answer) throw new Error(`${q.name}: the cached answer differs from the uncached one`);
      q.hitHeaders = hit.headers;
    }
    const responsesFile = `${workDir}/bare-responses.json`;
    writeFileSync(responsesFile, JSON.stringify(usable.map((q) => ({ headers: q.hitHeaders, body: q.answer }))));
    const bare = await startChild('bare.mjs', [responsesFile]);
    const bareFlagged = await startChild('bare.mjs', [responsesFile], nodeFlags);
    // The diagnostic baseline: the same bare server holding the loaded graph in its heap, as newsgraph does.
    const heavy = bareHoldingGraph ? await startChild('bare.mjs', [responsesFile, snapshot], [...nodeFlags, '--expose-gc']) : undefined;
    try {
      // Each server is loaded for a while before anything is measured: the first question measured used to pay
      // for the servers' JIT compilation and the first full collections after loading a snapshot of 100 MB or
      // more (its cached answer cost 2-3x the CPU of the same answer measured later in the run).
      const [first] = usable;
      if (first !== undefined && warmUpSeconds > 0) {
        await fetch(target(cached, first), first.body === undefined ? {} : { method: 'POST', headers: JSON_HEADERS, body: first.body });
        await load(`${bare.url}/q/0`, first.body, warmUpSeconds, connections, bare.child.pid);
        await load(`${bareFlagged.url}/q/0`, first.body, warmUpSeconds, connections, bareFlagged.child.pid);
        if (heavy !== undefined) await load(`${heavy.url}/q/0`, first.body, warmUpSeconds, connections, heavy.child.pid);
        await load(target(cached, first), first.body, warmUpSeconds, connections, cached.child.pid);
        if (uncachedToo) await load(target(uncached, first), first.body, warmUpSeconds, connections, uncached.child.pid);
        if (other !== undefined) {
          await fetch(target(other, first), first.body === undefined ? {} : { method: 'POST', headers: JSON_HEADERS, body: first.body });
          await load(target(other, first), first.body, warmUpSeconds, connections, other.child.pid);
        }
        if (apolloFloor !== undefined && first.body !== undefined) await load(apolloFloor.url, first.body, warmUpSeconds, connections, apolloFloor.child.pid);
      }
      for (const [i, q] of usable.entries()) {
        await fetch(target(cached, q), q.body === undefined ? {} : { method: 'POST', headers: JSON_HEADERS, body: q.body }); // now cached
        if (other !== undefined) await fetch(target(other, q), q.body === undefined ? {} : { method: 'POST', headers: JSON_HEADERS, body: q.body });
        // The servers the target compares (the bare ones, newsgraph cached, and another build's when asked).
        const servers = [
          ['baseline', `${bare.url}/q/${i}`, bare.child.pid],
          ['baselineFlagged', `${bareFlagged.url}/q/${i}`, bareFlagged.child.pid],
          ...(heavy === undefined ? [] : [['bareHeavy', `${heavy.url}/q/${i}`, heavy.child.pid]]),
          ['repeated', target(cached, q), cached.child.pid],
          ...(other === undefined ? [] : [['compared', target(other, q), other.child.pid]]),
        ];
        const measured = {};
        // An export (a GET of a file of megabytes) is answered a few times a second: a window of a third of `seconds`
        // saw 0 to 7 answers per server, too few for a ratio; it is measured the way before the rounds.
        const questionMethod = q.path === undefined ? method : 'single';
        if (questionMethod === 'single') {
          // The method before the rounds (kept to compare the two): one measurement of `seconds` per server, in turn.
          for (const [name, url, pid] of servers) measured[name] = await load(url, q.body, seconds, connections, pid);
        } else {
          // Rounds: each server measured for a third of `seconds` per round, in turn, the order reversed every other
          // round, and each left to finish its requests in flight before the next starts. A ratio is taken within
          // each round (the servers a second or two apart, under the same load) and the median over the rounds
          // reported with its range: the machine's load moves between rounds far more than within one.
          const window = Math.max(1, Math.round(seconds / 3));
          const byRound = [];
          for (let round = 0; round < rounds; round++) {
            const m = {};
            for (const [name, url, pid] of round % 2 === 0 ? servers : [...servers].reverse()) {
              m[name] = await load(url, q.body, window, connections, pid);
              await settle(pid);
            }
            byRound.push(m);
          }
          for (const [name] of servers) measured[name] = summarized(byRound.map((m) => m[name]));
          measured.byRound = byRound;
        }
        const { baseline, baselineFlagged, repeated } = measured;
        const bareHeavy = measured.bareHeavy ?? null;
        const fresh = uncachedToo ? await load(target(uncached, q), q.body, seconds, connections, uncached.child.pid) : null;
        if (uncachedToo) await settle(uncached.child.pid);
        // Apollo's floor answers GraphQL only (an export is not Apollo's); it must send the same bytes.
        const floorAnswer = apolloFloor === undefined || q.body === undefined ? undefined : await (await fetch(apolloFloor.url, { method: 'POST', headers: JSON_HEADERS, body: q.body })).text();
        if (floorAnswer !== undefined && floorAnswer !== q.answer) throw new Error(`${q.name}: Apollo's floor answers other bytes than newsgraph`);
        const apollo = floorAnswer === undefined ? null : await load(apolloFloor.url, q.body, seconds, connections, apolloFloor.child.pid);
        if (apollo !== null) await settle(apolloFloor.child.pid);
        const roundsOf = measured.byRound ?? [measured];
        const ratio = (name, base = 'baseline') => perRound(roundsOf, (m) => (m[name] === undefined ? null : m[name].rps / m[base].rps));
        const cpuRatio = (name, base = 'baseline') => perRound(roundsOf, (m) => (m[name]?.cpuUsPerRequest == null || m[base].cpuUsPerRequest == null ? null : m[base].cpuUsPerRequest / m[name].cpuUsPerRequest));
        rows.push({
          name: q.name,
          bytes: Buffer.byteLength(q.answer),
          method: questionMethod,
          baseline,
          baselineFlagged,
          repeated,
          fresh,
          apolloFloor: apollo,
          compared: measured.compared ?? null,
          bareHeavy,
          // Per-round ratios (median, range): requests per second, and the bare server's CPU per request over newsgraph's.
          repeatedRatio: ratio('repeated').median,
          repeatedRatioRange: ratio('repeated'),
          repeatedCpuRatio: cpuRatio('repeated'),
          repeatedRatioFlagged: ratio('repeated', 'baselineFlagged').median,
          repeatedCpuRatioFlagged: cpuRatio('repeated', 'baselineFlagged'),
          freshRatio: fresh === null ? null : fresh.rps / baseline.rps,
          comparedRatio: measured.compared === undefined ? null : ratio('compared').median,
          comparedCpuRatio: measured.compared === undefined ? null : cpuRatio('compared'),
          apolloFloorRatio: apollo === null ? null : apollo.rps / baseline.rps,
        });
        const compared = measured.compared ?? null;
        const cpu = (m) => (m?.cpuUsPerRequest == null ? '?' : m.cpuUsPerRequest.toFixed(0));
        process.stderr.write(
          `  http ${q.name}: bare ${baseline.rps.toFixed(0)}/s, bare with the flags ${baselineFlagged.rps.toFixed(0)}/s, cached ${repeated.rps.toFixed(0)}/s${fresh === null ? '' : `, uncached ${fresh.rps.toFixed(0)}/s`}` +
            `${apollo === null ? '' : `, Apollo's floor ${apollo.rps.toFixed(0)}/s`}${compared === null ? '' : `, other build cached ${compared.rps.toFixed(0)}/s`}${bareHeavy === null ? '' : `, bare holding the graph ${bareHeavy.rps.toFixed(0)}/s`}; CPU µs/request ${cpu(baseline)} / ${cpu(baselineFlagged)} / ${cpu(repeated)}${fresh === null ? '' : ` / ${cpu(fresh)}`}${apollo === null ? '' : ` / ${cpu(apollo)}`}${compared === null ? '' : ` / other ${cpu(compared)}`}${bareHeavy === null ? '' : ` / bare holding the graph ${cpu(bareHeavy)}`}` +
            `; cached/bare ${spreadText(rows.at(-1).repeatedRatioRange)}, by CPU ${spreadText(rows.at(-1).repeatedCpuRatio)} (${questionMethod === 'single' ? 'one measurement each' : `median of ${rounds} rounds`})\n`,
        );
      }
      serverRssMb = { cached: treeRssMb(cached.child.pid), bare: treeRssMb(bare.child.pid), bareFlagged: treeRssMb(bareFlagged.child.pid), ...(other === undefined ? {} : { other: treeRssMb(other.child.pid) }) };
    } finally {
      await stop(bare.child);
      await stop(bareFlagged.child);
      if (heavy !== undefined) await stop(heavy.child);
    }
  } finally {
    await stop(cached.child);
    if (uncached !== undefined) await stop(uncached.child);
    if (other !== undefined) await stop(other.child);
    if (apolloFloor !== undefined) await stop(apolloFloor.child);
  }
  return { rows, refused, warmUpSeconds, serverRssMb, method, rounds: method === 'single' ? 1 : rounds };
}
