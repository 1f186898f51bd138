/**
 * A command whose corpus needs more heap than node's default limit runs again in a child process with a higher
 * limit (src/cli/heapRoom.ts, src/cli/childProcess.ts). The plan is checked on its own (every branch, from the
 * facts it is given), the corpus's size on disk against the files, and the whole through the real CLI
 * (`node dist/cli/bin.js`, built first) on a sparse snapshot file: its magic line and size say "large" without
 * taking the disk, and its bytes (zeros, no header) make the command fail fast, in the child, with the snapshot's
 * own error. Which node
 * processes ran, with which flags, is written by a preload (`--require` in NODE_OPTIONS), as in serveRespawn.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { runInChild } from '../../src/cli/childProcess.js';
import { corpusBytes, HEAP_PER_SNAPSHOT_BYTE, HEAP_SHARE_OF_MEMORY, heapPlan, ROOM_NEEDED, SIZED_FILES, type HeapFacts } from '../../src/cli/heapRoom.js';
import { NEWSGRAPH_BIN } from '../utils/cli.js';
import { removeDir, SEED_DATA, tempDir } from '../utils/fixtures.js';

const work = tempDir();
afterAll(() => removeDir(work));

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const machine: HeapFacts = { heapLimit: 4 * GiB, totalMemory: 24 * GiB, execArgv: [], nodeOptions: '', canRunAgain: true };
const sources = (dir = 'data') => ({ kind: 'sources', dir }) as const;
const snapshot = { kind: 'snapshot', file: 'x.snapshot' } as const;

describe('heapPlan: from the corpus size and the process facts', () => {
  test('a corpus that fits in three quarters of the limit changes nothing', () => {
    expect(heapPlan('build', sources(), 100 * MiB, machine)).toEqual({ kind: 'fits' }); // 1.6 GB
    expect(heapPlan('serve', snapshot, 700 * MiB, machine)).toEqual({ kind: 'fits' }); // 2.8 GB
  });

  test('a larger one is run again with three quarters of the machine as its limit, and says so', () => {
    const plan = heapPlan('build', sources(), 0.5 * GiB, machine);
    const limitMiB = Math.floor((24 * GiB * HEAP_SHARE_OF_MEMORY) / MiB);
    expect(plan).toEqual({ kind: 'raise', flag: `--max-old-space-size=${limitMiB}`, message: expect.stringContaining(`running with --max-old-space-size=${limitMiB}.`) });
    if (plan.kind !== 'raise') throw new Error('unreachable');
    expect(plan.message).toMatch(/^newsgraph build: this corpus \(512 MB of sources\) may need up to 8\.0 GB of heap, more than node's default 4\.0 GB/u);
    // Past what the raised limit holds: still raised, and the user is told it may not be enough.
    const beyond = heapPlan('serve', snapshot, 5 * GiB, machine);
    expect(beyond.kind).toBe('raise');
    expect(beyond.kind === 'raise' && beyond.message).toMatch(/may still run out\. A corpus this size can be served from PostgreSQL/u);
  });

  test("a user's own limit wins: a warning only when the corpus needs more than it", () => {
    for (const facts of [{ ...machine, execArgv: ['--max-old-space-size=2048'], heapLimit: 2 * GiB }, { ...machine, nodeOptions: '--max_old_space_size=2048', heapLimit: 2 * GiB }]) {
      expect(heapPlan('build', sources(), 120 * MiB, facts)).toEqual({ kind: 'fits' }); // 1.9 GB: over 3/4 of the limit, under the limit
      const plan = heapPlan('build', sources(), 140 * MiB, facts); // 2.2 GB
      expect(plan).toEqual({ kind: 'warn', message: expect.stringContaining('more than the 2.0 GB your node options give it') });
    }
  });

  test('where the command cannot run again, or the machine has no more memory to give, the user is told', () => {
    const noChild = heapPlan('stats', snapshot, 1.5 * GiB, { ...machine, canRunAgain: false });
    expect(noChild).toEqual({ kind: 'warn', message: expect.stringContaining(`run it with NODE_OPTIONS=--max-old-space-size=${Math.floor((24 * GiB * HEAP_SHARE_OF_MEMORY) / MiB)}`) });
    const small = heapPlan('build', sources(), 0.5 * GiB, { ...machine, totalMemory: 4 * GiB });
    expect(small).toEqual({ kind: 'warn', message: expect.stringContaining('this machine has 4.0 GB of memory, so it may run out.') });
  });
});

describe('corpusBytes: the input as it lies on disk', () => {
  test("a data directory's entities.yaml and articles/ files, a snapshot's file; nothing for what is missing", () => {
    const dir = join(work, 'sized');
    mkdirSync(join(dir, 'articles', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'entities.yaml'), 'x'.repeat(1_000));
    writeFileSync(join(dir, 'articles', 'a.txt'), 'y'.repeat(2_345));
    writeFileSync(join(dir, 'articles', 'a.yaml'), 'z'.repeat(678));
    writeFileSync(join(dir, 'articles', 'nested', 'ignored.txt'), 'w'.repeat(10_000)); // not an article: the build reads one level
    writeFileSync(join(dir, 'notes.md'), 'v'.repeat(5_000)); // not read by the build
    expect(corpusBytes(sources(dir))).toBe(1_000 + 2_345 + 678);
    expect(corpusBytes(sources(join(work, 'missing')))).toBe(0);
    // A snapshot counts from its magic on; a file that is not one, a device or a directory get no room (the command refuses them).
    writeFileSync(join(dir, 'one.snapshot'), `NEWSGRAPH-SNAPSHOT 1\n${'u'.repeat(3_000)}`);
    expect(corpusBytes({ kind: 'snapshot', file: join(dir, 'one.snapshot') })).toBe(21 + 3_000);
    expect(corpusBytes({ kind: 'snapshot', file: join(dir, 'articles', 'a.txt') })).toBe(0);
    expect(corpusBytes({ kind: 'snapshot', file: '/dev/zero' })).toBe(0);
    expect(corpusBytes({ kind: 'snapshot', file: dir })).toBe(0);
    expect(corpusBytes({ kind: 'snapshot', file: join(work, 'missing.snapshot') })).toBe(0);
  });

  test('past SIZED_FILES files, articles/ is estimated from a sample, within 2%, texts and YAML alike', () => {
    // Texts and YAML alternate in the listing and differ threefold, as a corpus's do: a sample that fell on one kind only would be off by half or more.
    const dir = join(work, 'many');
    mkdirSync(join(dir, 'articles'), { recursive: true });
    let sum = 0;
    for (let i = 0; i < 4 * SIZED_FILES + 1; i++) {
      const text = 'x'.repeat(i % 2 === 0 ? 3_000 + (i % 13) : 1_000 + (i % 7));
      writeFileSync(join(dir, 'articles', `article-${String(i >> 1).padStart(5, '0')}.${i % 2 === 0 ? 'txt' : 'yaml'}`), text);
      sum += text.length;
    }
    const estimate = corpusBytes(sources(dir));
    expect(Math.abs(estimate - sum) / sum).toBeLessThan(0.02);
  });
});

interface Probe {
  readonly pid: number;
  readonly ppid: number;
  readonly execArgv: readonly string[];
}

const PRELOAD = join(work, 'probe.cjs');
writeFileSync(PRELOAD, "require('node:fs').appendFileSync(process.env.PROBE_FILE, JSON.stringify({ pid: process.pid, ppid: process.ppid, execArgv: process.execArgv }) + '\\n');\n");
let runs = 0;

/** `newsgraph ARGS` to its end, with the node processes it ran. */
function newsgraph(args: readonly string[], nodeArgs: readonly string[] = []): { code: number | null; stderr: string; stdout: string; probes: Probe[] } {
  const probeFile = join(work, `probe-${++runs}.jsonl`);
  const result = spawnSync(process.execPath, [...nodeArgs, NEWSGRAPH_BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NEWSGRAPH_PROGRESS: '0', NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${PRELOAD}`.trim(), PROBE_FILE: probeFile },
  });
  const probes = existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Probe) : [];
  return { code: result.status, stderr: result.stderr, stdout: result.stdout, probes };
}

/** node's default heap limit here, as the command's own process sees it. */
function defaultHeapLimit(): number {
  return Number(spawnSync(process.execPath, ['-p', 'v8.getHeapStatistics().heap_size_limit'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }).stdout);
}

/** A snapshot file of `bytes` that takes no disk: the magic line, then a sparse run of zeros (no header: refused when read). */
function sparseFile(name: string, bytes: number): string {
  const file = join(work, name);
  writeFileSync(file, 'NEWSGRAPH-SNAPSHOT 1\n');
  truncateSync(file, bytes);
  return file;
}

describe('newsgraph: a large corpus gets the heap it needs, through the real command', () => {
  const heapLimit = defaultHeapLimit();
  // Large enough to need more than three quarters of node's default limit.
  const largeBytes = Math.ceil((heapLimit * ROOM_NEEDED) / HEAP_PER_SNAPSHOT_BYTE) + 64 * MiB;
  const large = sparseFile('large.snapshot', largeBytes);
  const facts: HeapFacts = { heapLimit, totalMemory: totalmem(), execArgv: [], nodeOptions: '', canRunAgain: process.platform !== 'win32' };
  const expected = heapPlan('stats', { kind: 'snapshot', file: large }, largeBytes, facts);

  test('a large snapshot: the plan is said, the command runs in a child with the limit, and its own error comes through', () => {
    expect(expected.kind).not.toBe('fits');
    const run = newsgraph(['stats', '--snapshot', large]);
    expect(run.stderr).toContain(expected.kind === 'fits' ? 'unreachable' : expected.message);
    // The snapshot's own complaint (its bytes are zeros), from whichever process read it, and the command's exit code.
    expect(run.stderr).toMatch(/newsgraph stats: .*snapshot/u);
    expect(run.code).toBe(1);
    if (expected.kind === 'raise') {
      expect(run.probes).toHaveLength(2);
      const [command, child] = run.probes as [Probe, Probe];
      expect(child.ppid).toBe(command.pid);
      expect(child.execArgv).toContain(expected.flag);
      expect(command.execArgv.filter((flag) => flag.startsWith('--max-old-space-size'))).toEqual([]);
    } else {
      expect(run.probes).toHaveLength(1); // told, not run again
    }
  });

  test("a user's own limit: no second process", () => {
    const run = newsgraph(['stats', '--snapshot', large], ['--max-old-space-size=256']);
    expect(run.probes).toHaveLength(1);
    expect(run.stderr).toMatch(/newsgraph stats: this corpus \(.+ of snapshot\) may need up to .+ of heap, more than the \d+ MB your node options give it; it may run out of memory\./u);
    expect(run.code).toBe(1);
  });

  test('a small corpus: one process, nothing said about the heap', () => {
    const run = newsgraph(['stats', '--data', SEED_DATA]);
    expect(run.code).toBe(0);
    expect(run.probes).toHaveLength(1);
    expect(run.stderr).not.toMatch(/heap/u);
  });
});

describe('runInChild: a child that node aborted', () => {
  test('is reported with the heap limit it had, and exit code 134, without aborting the first process', async () => {
    const script = join(work, 'abort.mjs');
    writeFileSync(script, "process.kill(process.pid, 'SIGABRT');\n");
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string) => said.push(String(text)) > 0) as typeof process.stderr.write;
    let code: number;
    try {
      code = await runInChild(script, ['build'], ['--max-old-space-size=300']);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(134);
    expect(said.join('')).toContain('newsgraph build: node stopped with a fatal error (above). If it ran out of heap ("JavaScript heap out of memory"), the corpus needs more memory than --max-old-space-size=300 gives');
  });
});
