/**
 * `newsgraph serve` with the graph in memory serves from a child node process started with a larger young generation
 * and V8's allocation-site pretenuring off (src/cli/serveRespawn.ts), through the real CLI (`node dist/cli/bin.js`,
 * built first): the flags reach the child's `process.execArgv`, SIGHUP reloads in the child, SIGTERM and SIGINT stop
 * it with exit code 0, a failing or killed server is reported by the command's own exit; `--store`, the opt-out
 * variable and a user's own flags start no child.
 * Which processes ran, and with which node flags, is written by a preload (`--require` in NODE_OPTIONS) that every
 * node process of the command loads.
 */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_DEFAULTS_ENV, SERVE_NODE_FLAGS, shouldRespawnServe } from '../../src/cli/serveRespawn.js';
import { NEWSGRAPH_BIN } from '../utils/cli.js';
import { removeDir, SEED_DATA, tempDir } from '../utils/fixtures.js';
import { header, postGraphQL } from '../serving/http.js';
import { waitFor } from '../serving/serveProcess.js';

const work = tempDir();
afterAll(() => removeDir(work));
const PRELOAD = join(work, 'probe.cjs');
writeFileSync(
  PRELOAD,
  "require('node:fs').appendFileSync(process.env.PROBE_FILE, JSON.stringify({ pid: process.pid, ppid: process.ppid, execArgv: process.execArgv }) + '\\n');\n",
);

interface Probe {
  readonly pid: number;
  readonly ppid: number;
  readonly execArgv: readonly string[];
}

interface Run {
  readonly child: ChildProcess;
  out(): string;
  err(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The node processes the command ran so far, in the order they started. */
  probes(): Probe[];
}

const running: Run[] = [];
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    for (const probe of run.probes()) if (alive(probe.pid)) process.kill(probe.pid, 'SIGKILL');
  }
});

let runs = 0;
function newsgraph(args: readonly string[], { nodeArgs = [], env = {} }: { nodeArgs?: readonly string[]; env?: Record<string, string> } = {}): Run {
  const probeFile = join(work, `probe-${++runs}.jsonl`);
  const nodeOptions = `${process.env['NODE_OPTIONS'] ?? ''} --require ${PRELOAD} ${env['NODE_OPTIONS'] ?? ''}`.trim();
  const child = spawn(process.execPath, [...nodeArgs, NEWSGRAPH_BIN, ...args], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEWSGRAPH_PROGRESS: '0', [NODE_DEFAULTS_ENV]: '', ...env, NODE_OPTIONS: nodeOptions, PROBE_FILE: probeFile },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const run: Run = {
    child,
    out: () => out,
    err: () => err,
    exited,
    probes: () => (existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Probe) : []),
  };
  running.push(run);
  return run;
}

/** The process group of `pid` (field 5 of /proc/PID/stat; Linux). */
function processGroup(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[2]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function listening(run: Run): Promise<string> {
  const [, url] = await waitFor(run.out, /GraphQL and playground: (\S+)/u, 'the server to listen');
  return url ?? '';
}

/** The command's own process and the server process it started (asserting there are exactly these two). */
function twoProcesses(run: Run): { command: Probe; server: Probe } {
  const probes = run.probes();
  expect(probes).toHaveLength(2);
  const [command, server] = probes as [Probe, Probe];
  expect(command.pid).toBe(run.child.pid);
  expect(server.ppid).toBe(command.pid);
  return { command, server };
}

/** The node flags of the kinds `serve` gives its server process (the young generation's size, pretenuring), whoever gave them. */
const servingFlags = (probe: Probe): string[] => probe.execArgv.filter((flag) => /semi[-_]space|allocation[-_]site[-_]pretenuring/u.test(flag));

describe('newsgraph serve: the server process and its young generation', () => {
  test('serves from a child started with the flags; SIGHUP reloads there; SIGTERM stops both with 0', async () => {
    const data = join(work, 'seed-copy');
    cpSync(SEED_DATA, data, { recursive: true });
    const run = newsgraph(['serve', '--data', data, '--port', '0', '--host', '127.0.0.1']);
    const url = await listening(run);
    const { command, server } = twoProcesses(run);
    expect(servingFlags(server)).toEqual([...SERVE_NODE_FLAGS]);
    // V8's own spelling, not the constant: the flag left out of SERVE_NODE_FLAGS fails here.
    expect(server.execArgv).toContain('--no-allocation-site-pretenuring');
    expect(servingFlags(command)).toEqual([]);
    const first = await postGraphQL(url, '{ articles { title } }');
    expect(first.status).toBe(200);

    // An edited title, then SIGHUP to the command: the server process rebuilds and serves the edit.
    const yamlFile = join(data, 'articles', 'ukraine-peace-talks-2025-04.yaml');
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace(/^( {2}title: )(.*)$/mu, '$1Edited $2'));
    run.child.kill('SIGHUP');
    await waitFor(run.err, /newsgraph: serving sha256:\w+: /u, 'the graph after SIGHUP');
    const edited = await postGraphQL(url, '{ articles { title } }');
    expect(edited.body.toString()).toContain('Edited Trump says');
    expect(header(edited, 'newsgraph-snapshot')).not.toBe(header(first, 'newsgraph-snapshot'));
    expect(alive(server.pid)).toBe(true); // reloaded, not restarted

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.err()).toContain('SIGTERM: finishing requests in flight, then stopping');
    expect(alive(server.pid)).toBe(false);
    await expect(postGraphQL(url, '{ __typename }')).rejects.toThrow();
  });

  test('SIGINT stops the server with 0; a server that fails, or is killed, is the command\'s exit too', async () => {
    const interrupted = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1']);
    await listening(interrupted);
    const { server } = twoProcesses(interrupted);
    // Ctrl-C in a terminal: SIGINT to the foreground process group, which the server process is not in (it would
    // get the signal twice): the command passes it on once, one graceful stop.
    expect(processGroup(server.pid)).toBe(server.pid);
    interrupted.child.kill('SIGINT');
    expect(await interrupted.exited).toEqual({ code: 0, signal: null });
    expect(interrupted.err()).toContain('SIGINT: finishing requests in flight, then stopping');
    expect(alive(server.pid)).toBe(false);

    const failing = newsgraph(['serve', '--snapshot', join(work, 'no-such.snapshot'), '--port', '0']);
    expect((await failing.exited).code).toBe(1);
    expect(failing.err()).toContain('no-such.snapshot');
    expect(failing.probes()).toHaveLength(2);

    const killed = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1']);
    await listening(killed);
    process.kill(twoProcesses(killed).server.pid, 'SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // The command killed outright (no signal to pass on): its server process stops too, rather than serve on.
    const orphaned = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1']);
    const orphanUrl = await listening(orphaned);
    const orphan = twoProcesses(orphaned).server;
    orphaned.child.kill('SIGKILL');
    await orphaned.exited;
    await waitFor(() => (alive(orphan.pid) ? '' : 'gone'), /gone/u, 'the server process to stop');
    await expect(postGraphQL(orphanUrl, '{ __typename }')).rejects.toThrow();
  });

  test('no server process with --store, with the opt-out variable, or with the user\'s own flags (theirs win)', async () => {
    // --store: nothing is re-executed; the unreachable database is the command's own error.
    for (const store of [['--store', 'postgres://127.0.0.1:1/none'], ['--store=postgres://127.0.0.1:1/none']]) {
      const run = newsgraph(['serve', ...store, '--port', '0']);
      expect((await run.exited).code).toBe(1);
      expect(run.probes()).toHaveLength(1);
    }

    const optedOut = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1'], { env: { [NODE_DEFAULTS_ENV]: '1' } });
    expect((await postGraphQL(await listening(optedOut), '{ __typename }')).status).toBe(200);
    expect(optedOut.probes().map(servingFlags)).toEqual([[]]);
    optedOut.child.kill('SIGTERM');
    expect((await optedOut.exited).code).toBe(0);

    const ownFlag = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1'], { nodeArgs: ['--max-semi-space-size=8'] });
    await listening(ownFlag);
    expect(ownFlag.probes().map(servingFlags)).toEqual([['--max-semi-space-size=8']]);
    ownFlag.child.kill('SIGTERM');
    expect((await ownFlag.exited).code).toBe(0);

    const ownOption = newsgraph(['serve', '--data', SEED_DATA, '--port', '0', '--host', '127.0.0.1'], { env: { NODE_OPTIONS: '--max-semi-space-size=8' } });
    await listening(ownOption);
    expect(ownOption.probes()).toHaveLength(1);
    ownOption.child.kill('SIGTERM');
    expect((await ownOption.exited).code).toBe(0);
  });

  test('which command lines are re-executed', () => {
    const facts = { execArgv: [], env: {}, platform: 'linux' as const };
    expect(shouldRespawnServe({ ...facts, argv: ['serve', '--snapshot', 'x'] })).toBe(true);
    expect(shouldRespawnServe({ ...facts, argv: ['serve', '--data', 'd', '--', '--store'] })).toBe(true);
    expect(shouldRespawnServe({ ...facts, argv: ['build', 'd'] })).toBe(false);
    expect(shouldRespawnServe({ ...facts, argv: ['serve', '--help'] })).toBe(false);
    expect(shouldRespawnServe({ ...facts, argv: ['serve'], env: { [NODE_DEFAULTS_ENV]: '0' } })).toBe(true);
    expect(shouldRespawnServe({ ...facts, argv: ['serve'], env: { [NODE_DEFAULTS_ENV]: 'yes' } })).toBe(false);
    expect(shouldRespawnServe({ ...facts, argv: ['serve'], execArgv: ['--inspect=0'] })).toBe(false);
    expect(shouldRespawnServe({ ...facts, argv: ['serve'], execArgv: ['--min_semi_space_size=4'] })).toBe(false);
    expect(shouldRespawnServe({ ...facts, argv: ['serve'], platform: 'win32' })).toBe(false);
  });
});
