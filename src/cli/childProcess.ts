/**
 * A command run again in a child node process with node flags that can only be given when a process starts: the
 * in-memory server's young generation and pretenuring (serveRespawn.ts) and the heap limit of a large corpus
 * (heapRoom.ts). The first process only waits, passing signals on, and ends as the child did.
 */
import { spawn } from 'node:child_process';

/** Set in the process the command started (and a guard against starting another). */
export const RESPAWNED_ENV = 'NEWSGRAPH_RESPAWNED';

/** Options of node that attach a tool to this process. */
const TOOL_FLAG = /^--(?:inspect|debug|cpu-prof|heap-prof|prof\b|prof-process)/u;

export interface ProcessFacts {
  readonly argv: readonly string[]; // the command's arguments (process.argv.slice(2))
  readonly execArgv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
}

/**
 * Whether the command may run again in a child: not on Windows (no signals to forward), not in a process the
 * command already started, and not under the inspector or a profiler (the tool would be attached to the wrong process).
 */
export function canRunAgain({ execArgv, env, platform }: ProcessFacts): boolean {
  return platform !== 'win32' && env[RESPAWNED_ENV] === undefined && !execArgv.some((flag) => TOOL_FLAG.test(flag));
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];

/**
 * Runs this command line again in a child node process with `flags` (stdio inherited) and resolves with the child's
 * exit code. SIGHUP (the server's reload), SIGINT and SIGTERM are passed on to it; a child killed by a signal kills
 * this process with the same signal, so whoever started the command sees what the command did. A child that node
 * aborted (SIGABRT: a fatal error such as running out of heap, which V8 has just printed) is reported in a line
 * naming the limit, with exit code 134 (128 + SIGABRT) and no core dump of this process.
 */
export function runInChild(script: string, argv: readonly string[], flags: readonly string[]): Promise<number> {
  // A process group of its own: a terminal's Ctrl-C goes to the foreground group, this process alone, which passes
  // it on once (in one group the server would get it twice, and the second, arriving as it exits, kills it with
  // SIGINT instead of 0). The IPC channel only tells the child when this process is gone (stopWithTheCommand).
  const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
    env: { ...process.env, [RESPAWNED_ENV]: '1' },
  });
  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  const command = `newsgraph ${argv[0] ?? ''}`.trim();
  return new Promise((resolve) => {
    child.once('error', (error) => {
      for (const signal of FORWARDED) process.off(signal, forward);
      process.stderr.write(`${command}: could not start its node process (${error.message}).\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const name of FORWARDED) process.off(name, forward);
      if (signal === 'SIGABRT') {
        const limit = flags.find((flag) => flag.startsWith('--max-old-space-size='));
        const heap = limit === undefined ? '' : ` If it ran out of heap ("JavaScript heap out of memory"), the corpus needs more memory than ${limit} gives: a machine with more memory, or NODE_OPTIONS=--max-old-space-size=MB with a larger limit.`;
        process.stderr.write(`${command}: node stopped with a fatal error (above).${heap}\n`);
        resolve(134);
        return;
      }
      if (signal !== null) {
        process.kill(process.pid, signal);
        return; // this process ends by the same signal (no listener is left for the forwarded ones)
      }
      resolve(code ?? 1);
    });
  });
}

/**
 * In the process the command started: when the command's first process goes away without passing a signal on
 * (killed with SIGKILL, say), stop as on SIGTERM rather than run on unowned. The IPC channel closes with it.
 */
export function stopWithTheCommand(): void {
  if (process.env[RESPAWNED_ENV] === undefined || process.channel === undefined) return;
  process.channel.unref(); // the channel alone keeps nothing running
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
