/**
 * One PostgreSQL cluster for a whole jest run, started by the first test file that asks for a database and shared by
 * every worker process; each test file gets a database of its own in it (CREATE DATABASE), dropped after the file.
 * The run-wide side (jest's global hooks, the watchdog) is sharedPostgresRun.ts.
 *
 * Lazy, so that a run without PostgreSQL tests starts nothing: globalSetup only names a run folder. The first process
 * to create that folder (mkdir is atomic: exactly one wins, whichever worker it runs in) starts the cluster and its
 * watchdog and writes the cluster's address there (cluster.json, renamed into place so that it is never read
 * half-written); the others wait for the file. globalTeardown stops the cluster at the end of the run.
 *
 * Outside a jest run set up this way (the variable is missing), postgresDatabase() starts a cluster of its own and
 * stops it with the database, as every file did before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from './postgresCluster.js';
import { CLUSTER_FILE, readClusterFile, RUN_DIR_VARIABLE, runPid, type SharedClusterFile } from './sharedPostgresRun.js';

const FAILED_FILE = 'failed.txt';
/** How long a process waits for another to start the cluster (initdb and pg_ctl start take about a second). */
const START_TIMEOUT_MS = 180_000;
/**
 * The shared cluster's settings beyond a test cluster's (postgresCluster.ts): the files running at once share its
 * connections (each store's pool holds up to 10), so more than the default 100, whatever jest's number of workers.
 */
const SHARED_SETTINGS = ['-c max_connections=400'];

/** A database of a test file's own: `url` connects to it; `stop()` drops it (and stops a cluster started for it alone). */
export interface PostgresDatabase extends PostgresCluster {
  readonly name: string;
}

/** Starts the run's cluster (this process won the run folder), writes its address, or why it failed. */
async function startShared(runDir: string): Promise<SharedClusterFile> {
  try {
    const cluster = await startPostgresCluster(SHARED_SETTINGS, [runDir]);
    const watchdogPid = cluster.watchdogPid;
    if (watchdogPid === undefined) throw new Error('the shared PostgreSQL cluster has no watchdog');
    const file: SharedClusterFile = { url: cluster.url, port: cluster.port, dataDir: cluster.dataDir, watchdogPid };
    writeFileSync(join(runDir, `${CLUSTER_FILE}.part`), JSON.stringify(file));
    renameSync(join(runDir, `${CLUSTER_FILE}.part`), join(runDir, CLUSTER_FILE));
    return file;
  } catch (error) {
    writeFileSync(join(runDir, FAILED_FILE), String(error instanceof Error ? (error.stack ?? error.message) : error));
    throw error;
  }
}

/** Waits until the process that won the run folder has started the cluster (or failed to). */
async function waitForShared(runDir: string): Promise<SharedClusterFile> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const file = readClusterFile(runDir);
    if (file !== null) return file;
    if (existsSync(join(runDir, FAILED_FILE))) throw new Error(`the shared PostgreSQL cluster failed to start:\n${readFileSync(join(runDir, FAILED_FILE), 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared PostgreSQL cluster did not start within ${START_TIMEOUT_MS} ms (${runDir})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The run's cluster, started by the first caller of the whole run; null outside a run set up by globalSetup. */
async function sharedCluster(): Promise<SharedClusterFile | null> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir === undefined || runPid() === null) return null;
  try {
    mkdirSync(runDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return waitForShared(runDir);
    throw error;
  }
  return startShared(runDir);
}

/** Runs one statement on the cluster's `postgres` database. */
async function administer(clusterUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database of its own for the calling test file, in the run's shared cluster (started now if no file
 * has started it yet). `stop()` drops it, closing whatever connections are still open to it.
 */
export async function postgresDatabase(): Promise<PostgresDatabase> {
  const shared = await sharedCluster();
  const cluster: Pick<PostgresCluster, 'url' | 'port' | 'dataDir'> & { stop?: () => Promise<void> } = shared ?? (await startPostgresCluster());
  const name = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  try {
    await administer(cluster.url, `CREATE DATABASE ${name}`);
  } catch (error) {
    await cluster.stop?.();
    throw error;
  }
  const url = cluster.url.replace(/\/postgres$/u, `/${name}`);
  let dropped = false;
  return {
    name,
    url,
    port: cluster.port,
    dataDir: cluster.dataDir,
    async stop() {
      if (dropped) return;
      dropped = true;
      // A cluster started for this database alone goes with it; in the shared one, the database is dropped.
      if (cluster.stop !== undefined) await cluster.stop();
      else await administer(cluster.url, `DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
}
