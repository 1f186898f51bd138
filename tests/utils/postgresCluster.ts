/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl start` on a free loopback
 * port with its unix socket in that folder, and `stop()` that stops it and removes the folder. PostgreSQL refuses
 * to run as root, so as root (CI here runs as root) every server binary runs as the `postgres` user through
 * `runuser`, the folder owned by it. fsync and synchronous commit are off: a test cluster is thrown away anyway.
 * When PostgreSQL is missing the tests say so loudly and skip; under CI (CI=true) they fail, like the other
 * external tools (externalTools.ts), because `.ci/run` installs it.
 */
import { describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runPid, startWatchdog, stopWatchdog } from './sharedPostgresRun.js';
import { noteSkippedTool } from './skippedTools.js';

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder under `root` (Debian's layout: /usr/lib/postgresql/15/bin), or null. */
export function postgresBinDir(root = POSTGRES_ROOT): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

/**
 * Returns null when a PostgreSQL server can be started here, else the reason (after a loud warning; throws under CI).
 * `root` and `env` are parameters so that tests/store/postgresMissing.test.ts can check the skip and the CI refusal.
 */
export function missingPostgres(root = POSTGRES_ROOT, env: NodeJS.ProcessEnv = process.env): string | null {
  if (postgresBinDir(root) !== null && (!isRoot() || existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser'))) return null;
  const message = 'PostgreSQL is not installed: these tests start their own cluster with initdb and pg_ctl (apt-get install -y postgresql).';
  if (env['CI']) throw new Error(`${message} CI must install it in .ci/run.`);
  // The run's own environment only: postgresMissing.test.ts asks with an environment of its own, and its skip is no tool missing from this run.
  if (env === process.env) noteSkippedTool(message);
  else console.warn(`\n⚠️  SKIPPING: ${message}\n`);
  return message;
}

let whyMissing: string | null | undefined;

/**
 * `describe` where a PostgreSQL server can be started here, else `describe.skip`: the suites' guard, asked once per
 * test file (missingPostgres warns loudly when it skips, and throws under CI).
 */
export function describePostgres(name: string, fn: () => void): void {
  if (whyMissing === undefined) whyMissing = missingPostgres();
  (whyMissing === null ? describe : describe.skip)(name, fn);
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The `postgres` user's uid and gid (Debian's package creates it). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a server binary (as `postgres` when we are root); throws with its output when it fails. */
function runBinary(binary: string, args: readonly string[]): string {
  const bin = postgresBinDir();
  if (bin === null) throw new Error('PostgreSQL is not installed');
  const command = isRoot() ? 'runuser' : join(bin, binary);
  const fullArgs = isRoot() ? ['-u', 'postgres', '--', join(bin, binary), ...args] : [...args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A free TCP port on loopback (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  readonly url: string;
  readonly port: number;
  /** The data folder. */
  readonly dataDir: string;
  /** Stops the server at once and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Under a jest run (sharedPostgresRun.ts), the watchdog that stops the server and removes its folder should the run
   * end before `stop()` (Ctrl-C, a kill, a crash); `stop()` stops the watchdog first.
   */
  readonly watchdogPid?: number;
}

/** A fresh folder owned by the user the server runs as. */
function ownedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return dir;
}

async function startServer(root: string, dataDir: string, settings: readonly string[] = [], alsoRemove: readonly string[] = []): Promise<PostgresCluster> {
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c wal_level=replica',
    '-c max_wal_senders=4',
    '-c shared_buffers=32MB',
    ...settings,
  ].join(' ');
  const run = runPid();
  const watchdogPid = run === null ? undefined : startWatchdog(run, dataDir, alsoRemove);
  try {
    runBinary('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    if (watchdogPid !== undefined) stopWatchdog(watchdogPid);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    ...(watchdogPid === undefined ? {} : { watchdogPid }),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (watchdogPid !== undefined) stopWatchdog(watchdogPid);
      try {
        runBinary('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Starts a new cluster: initdb (trust on loopback, UTF-8, C locale), then pg_ctl start. `settings` are more server
 * options (`-c name=value`), after the test defaults above; `alsoRemove`, folders its watchdog removes with it.
 */
export async function startPostgresCluster(settings: readonly string[] = [], alsoRemove: readonly string[] = []): Promise<PostgresCluster> {
  const root = ownedTempDir('newsgraph-pg-');
  const dataDir = join(root, 'data');
  runBinary('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  return startServer(root, dataDir, settings, alsoRemove);
}

/**
 * A streaming replica of `primary`: `pg_basebackup -R` (which writes standby.signal and primary_conninfo) into a new
 * folder, started on its own port. It is read-only and follows the primary over loopback.
 */
export async function startReplica(primary: PostgresCluster): Promise<PostgresCluster> {
  const root = ownedTempDir('newsgraph-pg-replica-');
  const dataDir = join(root, 'data');
  runBinary('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '--no-sync']);
  return startServer(root, dataDir);
}

/** Waits until the replica has replayed everything the primary has written so far. */
export async function waitForReplay(primary: PostgresCluster, replica: PostgresCluster, timeoutMs = 30_000): Promise<void> {
  const ask = async (url: string, sql: string): Promise<string> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query<{ lsn: string }>(sql);
      return result.rows[0]?.lsn ?? '';
    } finally {
      await client.end();
    }
  };
  const target = await ask(primary.url, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const caughtUp = await ask(replica.url, `SELECT (pg_last_wal_replay_lsn() >= '${target}'::pg_lsn)::text AS lsn`);
    if (caughtUp === 'true') return;
    if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${target} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
