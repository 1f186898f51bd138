/**
 * Room in node's heap for a large corpus. node caps its heap at about 4 GiB on a 64-bit machine however much memory
 * the machine has (V8's default limit), and a command that needs more dies with "JavaScript heap out of memory",
 * often after minutes of work: building 100,000 generated articles (663 MiB of sources) did, after 4 min 31 s
 * (docs/design-choices.md, `heaproom`). The limit is fixed when V8 starts, so
 * a command whose input needs more than the limit it has is run again in a child process (childProcess.ts) with
 * `--max-old-space-size` at HEAP_SHARE_OF_MEMORY of the machine's memory. A limit is a ceiling, not a reservation:
 * V8 grows the heap with what is live, so a higher one costs nothing until it is used.
 *
 * The need is estimated from the input's size on disk, from measured ratios (below) with room to spare; a command
 * whose input is small never pays for a second process. A user's own heap flag always wins.
 */
import { closeSync, readdirSync, readSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { canRunAgain, RESPAWNED_ENV, type ProcessFacts } from './childProcess.js';
import type { Command, CommandArgs, CorpusInput } from './command.js';
import { SNAPSHOT_MAGIC } from '../build/snapshotFormat.js';
import { openRegularFile } from '../build/inputLimits.js';

/**
 * Heap bytes per byte of sources (articles' texts and YAML, entities.yaml) a build may need, an upper estimate from
 * the peak resident memory per byte of sources: 18 at 10,000 generated articles (67 MiB, 1,207 MiB), 17 at 100,000
 * (663 MiB, 11.2 GB with a 12 GB limit). With node's default limit the 100,000-article build ran out of heap at
 * 4.0 GB in its first stage (6.1 per byte, after 4 min 31 s).
 */
export const HEAP_PER_SOURCE_BYTE = 16;

/**
 * Heap bytes per byte of snapshot a command that loads one may need: the 100,000-article snapshot (995 MB) takes
 * 2,817 MiB of heap once loaded (3.0 per byte), and serving it adds the server's indices and caches (5.8 GB resident at start).
 */
export const HEAP_PER_SNAPSHOT_BYTE = 4;

/** The share of the machine's memory a command run again is given as its heap limit (the rest: the process's memory outside the heap, and the system's). */
export const HEAP_SHARE_OF_MEMORY = 0.75;

/** A command is run again when its estimated need passes this share of the heap limit it has. */
export const ROOM_NEEDED = 0.75;

/** The node options that set the heap's limit: a user who gives one has chosen. */
const HEAP_LIMIT_FLAG = /--max[-_](?:old[-_]space|heap)[-_]size/u;

const MIB = 1024 * 1024;

/**
 * Files whose sizes are read to size a data directory's articles/; past this many, their mean size is taken from an
 * evenly spread sample of this many. Reading every size cost 100-220 ms at 10,000 articles (20,000 files) and
 * 0.7-1.6 s at 100,000, at the start of every command, a rebuild after one edit included; the sample is within 1.1%
 * of the sum on both generated corpora, and the estimate only decides whether to run again.
 */
export const SIZED_FILES = 1_000;

/**
 * The golden ratio's fraction: i × it mod 1 spreads a sample evenly without a period (a regular stride can fall on
 * every second file, all the texts or all the YAML, and was off by a factor of three at 10,000 articles).
 */
const SPREAD = 0.6180339887498949;

/**
 * Bytes on disk of a command's input: the snapshot file, or a data directory's entities.yaml and articles/ (their sum
 * up to SIZED_FILES files, estimated from a sample beyond); 0 for what is missing: the command itself says so.
 */
export function corpusBytes(input: CorpusInput): number {
  if (input.kind === 'snapshot') return startsAsSnapshot(input.file) ? fileBytes(input.file) : 0;
  let bytes = fileBytes(join(input.dir, 'entities.yaml'));
  const articles = join(input.dir, 'articles');
  let names: string[];
  try {
    names = readdirSync(articles);
  } catch {
    return bytes;
  }
  if (names.length <= SIZED_FILES) {
    for (const name of names) bytes += fileBytes(join(articles, name));
    return bytes;
  }
  let sampled = 0;
  for (let i = 0; i < SIZED_FILES; i++) sampled += fileBytes(join(articles, names[Math.floor(((i * SPREAD) % 1) * names.length)] ?? ''));
  return bytes + Math.round((sampled / SIZED_FILES) * names.length);
}

/** Whether `path` begins with the snapshot magic: a large file that is not a snapshot is refused, not given room. */
function startsAsSnapshot(path: string): boolean {
  const magic = Buffer.from(`${SNAPSHOT_MAGIC} `);
  const head = Buffer.alloc(magic.length);
  let fd: number;
  try {
    ({ fd } = openRegularFile(path)); // a device or a pipe is refused by the command, unread
  } catch {
    return false;
  }
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(magic);
  } finally {
    closeSync(fd);
  }
}

function fileBytes(path: string): number {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

/** The heap a command is estimated to need for an input of `bytes`. */
function heapNeeded(input: CorpusInput, bytes: number): number {
  return bytes * (input.kind === 'snapshot' ? HEAP_PER_SNAPSHOT_BYTE : HEAP_PER_SOURCE_BYTE);
}

/** What decides the plan, read from the process (tests give their own). */
export interface HeapFacts {
  /** V8's limit for this process (`v8.getHeapStatistics().heap_size_limit`). */
  readonly heapLimit: number;
  /** The machine's memory (`os.totalmem()`). */
  readonly totalMemory: number;
  readonly execArgv: readonly string[];
  readonly nodeOptions: string;
  /** Whether this process can run the command again in a child (not on Windows, not under a debugger or profiler, not already a child). */
  readonly canRunAgain: boolean;
}

/**
 * What to do about the heap: nothing (`fits`); run the command again with `flag` (`raise`); or only tell the user
 * (`warn`: their own limit, or no way to run again here). `message` is a line for stderr, said before the work starts.
 */
export type HeapPlan =
  | { readonly kind: 'fits' }
  | { readonly kind: 'raise'; readonly flag: string; readonly message: string }
  | { readonly kind: 'warn'; readonly message: string };

export function heapPlan(command: string, input: CorpusInput, bytes: number, facts: HeapFacts): HeapPlan {
  const needed = heapNeeded(input, bytes);
  if (needed <= facts.heapLimit * ROOM_NEEDED) return { kind: 'fits' };
  const what = `this corpus (${gigabytes(bytes)} of ${input.kind === 'snapshot' ? 'snapshot' : 'sources'}) may need up to ${gigabytes(needed)} of heap`;
  const userLimit = facts.execArgv.some((flag) => HEAP_LIMIT_FLAG.test(flag)) || HEAP_LIMIT_FLAG.test(facts.nodeOptions);
  if (userLimit) {
    if (needed <= facts.heapLimit) return { kind: 'fits' };
    return { kind: 'warn', message: `newsgraph ${command}: ${what}, more than the ${gigabytes(facts.heapLimit)} your node options give it; it may run out of memory.` };
  }
  const limitMiB = Math.floor((facts.totalMemory * HEAP_SHARE_OF_MEMORY) / MIB);
  if (limitMiB * MIB <= facts.heapLimit) {
    return { kind: 'warn', message: `newsgraph ${command}: ${what}; this machine has ${gigabytes(facts.totalMemory)} of memory, so it may run out.${postgresAdvice(command)}` };
  }
  const flag = `--max-old-space-size=${limitMiB}`;
  if (!facts.canRunAgain) {
    return { kind: 'warn', message: `newsgraph ${command}: ${what}, more than node's default ${gigabytes(facts.heapLimit)}: run it with NODE_OPTIONS=${flag} (or another limit) so that it does not run out of memory.` };
  }
  const short = needed > limitMiB * MIB ? `; this machine has ${gigabytes(facts.totalMemory)} of memory, so it may still run out.${postgresAdvice(command)}` : '.';
  return { kind: 'raise', flag, message: `newsgraph ${command}: ${what}, more than node's default ${gigabytes(facts.heapLimit)}: running with ${flag}${short}` };
}

/** Serving a corpus too large for the machine's memory is what the PostgreSQL store is for. */
function postgresAdvice(command: string): string {
  return command === 'serve' ? ' A corpus this size can be served from PostgreSQL instead (README, "Serving from PostgreSQL").' : '';
}

function gigabytes(bytes: number): string {
  return bytes >= 1024 * MIB ? `${(bytes / (1024 * MIB)).toFixed(1)} GB` : `${Math.round(bytes / MIB)} MB`;
}

/**
 * The node flags this command line needs for its corpus (none, or the heap limit), with the plan's line said on
 * stderr through `say`. Nothing in a process the command already started: its first process planned.
 */
export function heapFlagsFor(line: { readonly command: Command; readonly args: CommandArgs } | undefined, facts: ProcessFacts, say: (text: string) => void): string[] {
  if (line === undefined || facts.env[RESPAWNED_ENV] !== undefined) return [];
  const input = line.command.corpus?.(line.args);
  if (input === undefined) return [];
  const plan = heapPlan(line.command.name, input, corpusBytes(input), {
    heapLimit: getHeapStatistics().heap_size_limit,
    totalMemory: totalmem(),
    execArgv: facts.execArgv,
    nodeOptions: facts.env['NODE_OPTIONS'] ?? '',
    canRunAgain: canRunAgain(facts),
  });
  if (plan.kind === 'fits') return [];
  say(`${plan.message}\n`);
  return plan.kind === 'raise' ? [plan.flag] : [];
}
