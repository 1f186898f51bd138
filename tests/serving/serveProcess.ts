/**
 * `newsgraph serve` as a child process, for the tests of reloads: its output as it comes, a wait for a line
 * of it (bounded: nothing hangs), and a small layered data set (an article whose entities come from a base).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { RESPAWNED_ENV } from '../../src/cli/childProcess.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';

/** Reads a child's stream until `pattern` appears in it (or fails after a while: nothing hangs). */
export function waitFor(read: () => string, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const match = read().match(pattern);
      if (match !== null) resolve(match);
      else if (Date.now() - started > 30_000) reject(new Error(`timed out waiting for ${what}; output so far:\n${read()}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

export interface ServeProcess {
  readonly child: ChildProcess;
  /** What it wrote so far on stdout, stderr. */
  out(): string;
  err(): string;
  /** Its exit code, once it has exited. */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `node dist/cli/bin.js serve ARGS` (build first: `npm run build`). `serveItself`: the command serves in its
 * own process instead of starting a server process with its node flags (src/cli/childProcess.ts), so that `child.pid` is
 * the server's.
 */
export function spawnServe(args: readonly string[], { serveItself = false }: { readonly serveItself?: boolean } = {}): ServeProcess {
  const env = serveItself ? { ...process.env, [RESPAWNED_ENV]: '1' } : process.env;
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'cli', 'bin.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

/**
 * The files of an article of the data directory `dir` (a path under the test's root, for writeDataDir) that
 * names `anna-berg` and `ceasefire-plan`, which a base declares.
 */
export function bergAgainArticle(dir: string): Record<string, string> {
  return {
    [`${dir}/articles/berg-again.txt`]: 'Anna Berg rejected the ceasefire plan again.',
    [`${dir}/articles/berg-again.yaml`]: BERG_AGAIN_YAML,
  };
}

const BERG_AGAIN_YAML = `article:
  id: berg-again
  title: Berg rejects the plan again
  text: berg-again.txt
mentions:
  anna-berg: Anna Berg
  ceasefire-plan: the ceasefire plan
relations:
  - subject: anna-berg
    predicate: REJECTED
    object: ceasefire-plan
    evidence: Anna Berg rejected the ceasefire plan
`;
