/**
 * The run-wide side of the shared PostgreSQL cluster (sharedPostgres.ts has the test files' side): what jest's global
 * hooks do, and the watchdog. Node's own modules only: jest loads its global hooks without the test files' module
 * mapping (testRunSetup.ts).
 *
 * globalSetup names a run folder that does not exist yet and passes it, with the run's pid, to the workers through the
 * environment: a run without PostgreSQL tests starts and creates nothing. The first test file to need the cluster
 * creates the folder, starts the cluster and writes its address there (cluster.json). globalTeardown stops it and
 * removes the folders at the end of the run, also when tests failed; when the run ends without its teardown (Ctrl-C,
 * a kill, a crash), the watchdog started with the cluster does it instead.
 *
 * Stopping needs no PostgreSQL binary: SIGQUIT to the postmaster (its pid is the first line of postmaster.pid) is
 * PostgreSQL's immediate shutdown, what `pg_ctl stop -m immediate` sends.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The run folder (named by globalSetup, created by the process that starts the cluster). */
export const RUN_DIR_VARIABLE = 'NEWSGRAPH_TEST_POSTGRES_RUN';
/** The pid of jest's main process, which the watchdog watches. */
export const RUN_PID_VARIABLE = 'NEWSGRAPH_TEST_POSTGRES_RUN_PID';
/** In the run folder: the cluster's address (SharedClusterFile), written once it is up. */
export const CLUSTER_FILE = 'cluster.json';

export interface SharedClusterFile {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly watchdogPid: number;
}

/** The run's main process when this process runs under a jest run set up by globalSetup, else null. */
export function runPid(): number | null {
  const pid = Number(process.env[RUN_PID_VARIABLE]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Stops a watchdog started by startWatchdog (its cluster is being stopped by its owner). */
export function stopWatchdog(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The watchdog is gone already.
  }
}

/** jest's globalSetup part: names the run folder; starts nothing. */
export function sharedPostgresSetup(): void {
  process.env[RUN_DIR_VARIABLE] = join(tmpdir(), `newsgraph-test-postgres-run-${process.pid}-${randomBytes(4).toString('hex')}`);
  process.env[RUN_PID_VARIABLE] = String(process.pid);
}

export function readClusterFile(runDir: string): SharedClusterFile | null {
  const path = join(runDir, CLUSTER_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SharedClusterFile) : null;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Stops the server at `dataDir` at once (SIGQUIT), waits until it has exited, and removes its folder (the data folder's parent). */
export async function stopPostgresProcess(dataDir: string, timeoutMs = 60_000): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    process.kill(pid, 'SIGQUIT');
    const deadline = Date.now() + timeoutMs;
    while (alive(pid)) {
      if (Date.now() > deadline) throw new Error(`the shared PostgreSQL cluster (pid ${pid}, ${dataDir}) did not stop within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  rmSync(dirname(dataDir), { recursive: true, force: true });
}

/** jest's globalTeardown part: stops the run's cluster if a test file started one, and removes its folders. */
export async function sharedPostgresTeardown(): Promise<void> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir === undefined || !existsSync(runDir)) return;
  try {
    const file = readClusterFile(runDir);
    if (file !== null) {
      stopWatchdog(file.watchdogPid);
      await stopPostgresProcess(file.dataDir);
    }
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

/**
 * A detached shell that waits for the run's main process to end, then stops the cluster at `dataDir` and removes its
 * folder and `alsoRemove` as the teardown does (which kills it first after a normal run). Detached, in a session of
 * its own: Ctrl-C in the terminal does not reach it. Returns its pid (its process group's id).
 */
export function startWatchdog(runPid: number, dataDir: string, alsoRemove: readonly string[] = []): number {
  const quoted = (path: string): string => `'${path.replaceAll("'", `'\\''`)}'`;
  const script = [
    `while kill -0 ${runPid} 2>/dev/null; do sleep 0.5; done`,
    `pid=$(head -n 1 ${quoted(join(dataDir, 'postmaster.pid'))} 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null`,
    `while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done`,
    `rm -rf ${[dirname(dataDir), ...alsoRemove].map(quoted).join(' ')}`,
  ].join('\n');
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  if (watchdog.pid === undefined) throw new Error('could not start the shared PostgreSQL cluster watchdog');
  return watchdog.pid;
}
