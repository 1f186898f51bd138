/**
 * The commands as a user runs them (the compiled bin) against a real cluster: `newsgraph load --store` then
 * `newsgraph serve --store` over HTTP; and a load killed mid-COPY (from a data directory and from a snapshot), and
 * one killed while it waits to switch the readers, each leaving the previous corpus serving, unchanged; a load of a
 * snapshot, read record by record, writing the very rows a load of its data directory writes.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { generatedCorpus } from '../serving/corpus.js';
import { LAYOUT_CORE } from '../../src/graph/layout.js';
import { PROJECT_ROOT, SEED_DATA, tempDir } from '../utils/fixtures.js';
import { runNewsgraph, type CommandResult } from '../utils/cli.js';
import { describePostgres, startPostgresCluster, type PostgresCluster } from '../utils/postgresCluster.js';

const BIN = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');

const QUESTION = '{ snapshot { id articleCount } entity(id: "ukraine") { name relations(first: 50) { id } } search(text: "putin", limit: 3) { id } }';

describePostgres('newsgraph load and serve --store', () => {
  let cluster: PostgresCluster;
  let server: ChildProcess | undefined;
  let url = '';
  let client: pg.Client;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
  });
  afterAll(async () => {
    for (const loader of loaders) loader.kill('SIGKILL');
    server?.kill('SIGTERM');
    await client?.end();
    await cluster?.stop();
  });

  /**
   * Asks the served question on a connection of its own: a kept-alive one may have been closed by the server (its
   * keep-alive timeout, 5 s) while a test held the event loop in spawnSync, and undici then sends the POST down the
   * closed socket before it sees the FIN ("other side closed"; it retries only idempotent requests). CI met this.
   */
  const ask = async (): Promise<unknown> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query: QUESTION }) });
    return response.json();
  };

  /** Waits until `sql` returns a row, polling every few milliseconds. */
  const waitFor = async (sql: string, timeoutMs = 120_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while ((await client.query(sql)).rowCount === 0) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for: ${sql}`);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  };

  const loadedSchemas = async (): Promise<string[]> =>
    (await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'newsgraph\\_%' ORDER BY 1`)).rows.map((r) => r.nspname);

  /**
   * Loaders started in the background, killed after the file whatever happened: one left waiting on a lock (its test
   * timed out before it got there, on a loaded machine) would hold the next loads behind the load lock forever.
   */
  const loaders: ChildProcess[] = [];
  const startLoader = (args: readonly string[]): { loader: ChildProcess; exited: Promise<unknown> } => {
    const loader = spawn(process.execPath, [BIN, 'load', '--store', cluster.url, ...args], { stdio: 'ignore' });
    loaders.push(loader);
    return { loader, exited: new Promise((resolve) => loader.on('exit', resolve)) };
  };

  /** Starts `newsgraph load --store URL ...args`, kills it once COPY has written rows, and waits until the server has rolled its transaction back. */
  const killLoadMidCopy = async (args: readonly string[]): Promise<void> => {
    const { loader, exited } = startLoader(args);
    await waitFor(`SELECT 1 FROM pg_stat_progress_copy WHERE command = 'COPY FROM' AND tuples_processed > 0`);
    loader.kill('SIGKILL');
    await exited;
    // The server notices the dead connection and rolls its transaction back.
    await waitFor(`SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_progress_copy)`);
  };

  test('load writes the seed, serve answers it over HTTP without building a graph', async () => {
    const loaded = spawnSync(process.execPath, [BIN, 'load', '--store', cluster.url, SEED_DATA], { encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toMatch(/loaded \d+ entities, \d+ relations/u);

    server = spawn(process.execPath, [BIN, 'serve', '--store', cluster.url], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
    let output = '';
    let errors = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      server?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(output)?.[0];
        if (found) resolve(found);
      });
      server?.on('exit', () => reject(new Error(`serve exited early:\n${output}`)));
    });
    const answer = (await ask()) as { data: { entity: { name: string; relations: unknown[] }; search: Array<{ id: string }> } };
    expect(answer.data.entity.name).toBe('Ukraine');
    expect(answer.data.entity.relations.length).toBeGreaterThan(0);
    expect(answer.data.search[0]?.id).toBe('vladimir-putin');
    // Nothing on stderr: node-postgres's deprecation of a query sent on a connection still running one included (the
    // connection's settings were once sent beside its first read: connections.ts).
    expect(errors).toBe('');
  });

  test('serve --store exports a selection in any format; --selection-export-mb bounds what one may read', async () => {
    const exportUrl = (graphqlUrl: string): string => graphqlUrl.replace(/\/graphql$/u, '/export/turtle?focus=ukraine');
    const answered = await fetch(exportUrl(url));
    expect(answered.status).toBe(200);
    expect(await answered.text()).toMatch(/ng:ukraine|entity\/ukraine/u);
    const small = spawn(process.execPath, [BIN, 'serve', '--store', cluster.url, '--selection-export-mb', '0.001'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
    try {
      let output = '';
      const smallUrl = await new Promise<string>((resolve, reject) => {
        small.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(output)?.[0];
          if (found) resolve(found);
        });
        small.on('exit', () => reject(new Error(`serve exited early:\n${output}`)));
      });
      const refused = await fetch(exportUrl(smallUrl));
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/over the 1,049 bytes of records an export of a selection may hold/u);
    } finally {
      small.kill('SIGTERM');
    }
  });

  test('export --store writes what export --data writes: the whole graph streamed, a selection in any format', () => {
    const dir = tempDir('newsgraph-export-store-');
    const run = (args: readonly string[]): CommandResult => runNewsgraph(PROJECT_ROOT, ['export', ...args]);
    for (const format of ['graphml', 'cypher', 'gdelt', 'gexf', 'dot', 'turtle', 'jsonld']) {
      const fromStore = run(['--store', cluster.url, '--format', format, '-o', join(dir, `store.${format}`)]);
      expect(fromStore.stderr).toMatch(new RegExp(`store\\.${format}: ${format}, \\d+ bytes`, 'u'));
      expect(fromStore.code).toBe(0);
      expect(run(['--data', SEED_DATA, '--format', format, '-o', join(dir, `data.${format}`)]).code).toBe(0);
      expect(readFileSync(join(dir, `store.${format}`), 'utf8')).toBe(readFileSync(join(dir, `data.${format}`), 'utf8'));
    }
    // RDF under a base IRI of one's own, to stdout.
    const based = ['--format', 'ntriples', '--base-iri', 'https://example.org/ng/'];
    const basedFromStore = run(['--store', cluster.url, ...based]);
    expect(basedFromStore.code).toBe(0);
    expect(basedFromStore.stdout).toMatch(/<https:\/\/example\.org\/ng\/entity\/ukraine>/u);
    expect(basedFromStore.stdout).toBe(run(['--data', SEED_DATA, ...based]).stdout);
    // csv's files, into a folder: the same files.
    const csvFromStore = run(['--store', cluster.url, '--format', 'csv', '-o', join(dir, 'store-csv')]);
    expect(csvFromStore.code).toBe(0);
    expect(csvFromStore.stdout).toMatch(/store-csv: nodes\.csv, relationships\.csv, articles\.csv, neo4j-admin-import\.sh/u);
    expect(run(['--data', SEED_DATA, '--format', 'csv', '-o', join(dir, 'data-csv')]).code).toBe(0);
    const csvFiles = readdirSync(join(dir, 'data-csv')).sort();
    expect(readdirSync(join(dir, 'store-csv')).sort()).toEqual(csvFiles);
    for (const name of csvFiles) expect(readFileSync(join(dir, 'store-csv', name), 'utf8')).toBe(readFileSync(join(dir, 'data-csv', name), 'utf8'));
    for (const source of [['--store', cluster.url], ['--data', SEED_DATA]]) {
      const noFolder = run([...source, '--format', 'csv']);
      expect(noFolder.code).not.toBe(0);
      expect(noFolder.stderr).toMatch(/--format csv writes several files: name a folder with -o FOLDER/u);
      expect(noFolder.stdout).toBe('');
    }
    // To stdout, and a selection (read into a graph of its own) in a format that needs its graph whole.
    const selection = ['--format', 'turtle', '--focus', 'ukraine', '--predicate', 'REJECTED'];
    const fromStore = run(['--store', cluster.url, ...selection]);
    expect(fromStore.code).toBe(0);
    expect(fromStore.stdout).toMatch(/ukraine/u);
    expect(fromStore.stdout).toBe(run(['--data', SEED_DATA, ...selection]).stdout);
    // A base IRI RDF cannot use: refused before anything is written.
    const refused = run(['--store', cluster.url, '--format', 'turtle', '--base-iri', 'not an iri', '-o', join(dir, 'whole.ttl')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/The base IRI "not an iri" is not an absolute IRI/u);
    expect(existsSync(join(dir, 'whole.ttl'))).toBe(false);
    // A selection is bounded as the server bounds it, and the bound is a flag here too.
    const bounded = run(['--store', cluster.url, ...selection, '--selection-export-mb', '0.001']);
    expect(bounded.code).not.toBe(0);
    expect(bounded.stderr).toMatch(/over the 1,049 bytes of records an export of a selection may hold.*--selection-export-mb N/u);
    expect(run(['--data', SEED_DATA, ...selection, '--selection-export-mb', '1']).stderr).toMatch(/--selection-export-mb bounds exports read from the PostgreSQL store: it needs --store/u);
    const both = run(['--store', cluster.url, '--data', SEED_DATA, '--format', 'json']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/--store exports what `newsgraph load` put in the database: drop --data/u);
  });

  test('a load killed mid-COPY leaves the previous corpus serving, unchanged', async () => {
    const before = await ask();
    const schemas = await loadedSchemas();
    await killLoadMidCopy([generatedCorpus(1000)]);
    expect(await ask()).toEqual(before);
    await waitFor(`SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE 'COPY%' AND state <> 'idle')`);
    expect(await loadedSchemas()).toEqual(schemas);
  }, 300_000);

  test('a load killed while it waits to switch the readers leaves the previous corpus serving', async () => {
    const before = await ask();
    const schemas = await loadedSchemas();
    // A reader inside a transaction holds the views: the load does all its work, then waits to re-point them.
    const reader = new pg.Client({ connectionString: cluster.url });
    await reader.connect();
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM newsgraph.entity');
      const { loader, exited } = startLoader([generatedCorpus(1000)]);
      await waitFor(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DROP VIEW%'`);
      loader.kill('SIGKILL');
      await exited;
      await reader.query('COMMIT');
    } finally {
      // Whatever happened: a reader left inside its transaction would hold the views from every later load.
      await reader.end();
    }
    await waitFor(`SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE 'DROP VIEW%' AND state <> 'idle')`);
    expect(await ask()).toEqual(before);
    expect(await loadedSchemas()).toEqual(schemas);
  }, 300_000);

  let builtSnapshot: string | undefined;
  /** The snapshot of the 1,000 generated articles, built once with the CLI. */
  const corpusSnapshot = (): string => {
    if (builtSnapshot === undefined) {
      const file = join(tempDir('newsgraph-load-'), 'corpus.snapshot');
      const built = spawnSync(process.execPath, [BIN, 'build', generatedCorpus(1000), '-o', file, '--no-cache'], { encoding: 'utf8' });
      expect(built.status).toBe(0);
      builtSnapshot = file;
    }
    return builtSnapshot;
  };

  /** Each table of the corpus served, as one digest of its rows in a fixed order (meta: its figures, not its build time). */
  const servedTables = async (): Promise<Record<string, string>> => {
    const digests: Record<string, string> = {};
    for (const table of ['entity', 'name', 'name_word', 'relation', 'adjacency', 'article', 'relation_article', 'entity_article']) {
      const result = await client.query<{ n: string; digest: string }>(`SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM newsgraph.${table} t`);
      digests[table] = `${result.rows[0]?.n} rows, ${result.rows[0]?.digest}`;
    }
    const meta = (await client.query<{ value: { identity: { builtAt?: string } } }>(`SELECT value FROM newsgraph.meta WHERE key = 'corpus'`)).rows[0]?.value;
    delete meta?.identity.builtAt;
    digests['meta'] = JSON.stringify(meta);
    return digests;
  };

  test('load --snapshot reads the snapshot record by record and writes the very rows a load of its data directory writes', async () => {
    const data = generatedCorpus(1000);
    const snapshot = corpusSnapshot();
    const fromData = spawnSync(process.execPath, [BIN, 'load', '--store', cluster.url, data], { encoding: 'utf8' });
    expect(fromData.status).toBe(0);
    const rowsFromData = await servedTables();
    const fromSnapshot = spawnSync(process.execPath, [BIN, 'load', '--store', cluster.url, '--snapshot', snapshot], { encoding: 'utf8' });
    expect(fromSnapshot.stderr).toBe('');
    expect(fromSnapshot.status).toBe(0);
    expect(fromSnapshot.stdout.replace(/newsgraph_\d+_/u, 'S')).toBe(fromData.stdout.replace(/newsgraph_\d+_/u, 'S').replace(/ in [\d.]+ s;/u, fromSnapshot.stdout.match(/ in [\d.]+ s;/u)?.[0] ?? ''));
    expect(await servedTables()).toEqual(rowsFromData);
    // More entities than the layout's core: the placement around it is compared too.
    expect(Number(rowsFromData['entity']?.split(' ')[0])).toBeGreaterThan(LAYOUT_CORE);
  }, 300_000);

  test('a load --snapshot killed mid-COPY leaves the previous corpus serving, unchanged', async () => {
    const before = await ask();
    const tables = await servedTables();
    const schemas = await loadedSchemas();
    await killLoadMidCopy(['--snapshot', corpusSnapshot()]);
    expect(await ask()).toEqual(before);
    await waitFor(`SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE 'COPY%' AND state <> 'idle')`);
    expect(await loadedSchemas()).toEqual(schemas);
    expect(await servedTables()).toEqual(tables);
  }, 120_000);

  test('load --snapshot of a file that is not a snapshot is refused with the reason, and the corpus served is unchanged', async () => {
    const before = await servedTables();
    const bogus = join(tempDir('newsgraph-load-'), 'not.snapshot');
    writeFileSync(bogus, '{"nodes": []}\n');
    const result = spawnSync(process.execPath, [BIN, 'load', '--store', cluster.url, '--snapshot', bogus], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Rebuild it with "newsgraph build');
    expect(result.stderr).toContain('not.snapshot');
    const both = spawnSync(process.execPath, [BIN, 'load', '--store', cluster.url, '--snapshot', bogus, '--extends', SEED_DATA], { encoding: 'utf8' });
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain('--extends');
    expect(await servedTables()).toEqual(before);
  });

  test('load without --store is a usage error with the reason', () => {
    const result = spawnSync(process.execPath, [BIN, 'load', SEED_DATA], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--store');
    const watching = spawnSync(process.execPath, [BIN, 'serve', '--store', cluster.url, '--watch'], { encoding: 'utf8' });
    expect(watching.status).toBe(1);
    expect(watching.stderr).toContain('--watch');
    const orphan = spawnSync(process.execPath, [BIN, 'serve', '--replica', cluster.url], { encoding: 'utf8' });
    expect(orphan.status).toBe(1);
    expect(orphan.stderr).toContain('--store');
  });
});
