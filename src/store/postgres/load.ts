/**
 * Loading a corpus into PostgreSQL, atomically: one transaction creates a fresh schema, streams every table
 * in with COPY (pg-copy-streams, with backpressure: a table's rows are made as COPY takes them), builds the
 * indexes, and re-points the reader views at it; only then does it commit. A load that fails or is killed rolls
 * back with its transaction, so the corpus being served never changes half-way; the older schemas are dropped
 * after the commit (and by the next load, if this one dies before it gets there).
 *
 * The corpus is read as records (corpusRecords.ts): from a graph in memory, or from a snapshot file record by
 * record without decoding it into a graph (snapshotRecords.ts). A first pass plans the load in compact form
 * (corpusPlan.ts), the second writes the rows (corpusRows.ts): no GraphIndex and no second copy of the graph.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { GraphIdentity } from '../../graph/identity.js';
import type { NewsGraph } from '../../graph/types.js';
import type { ProgressCallback } from '../../progress.js';
import { planCorpus } from './corpusPlan.js';
import { graphRecords, type CorpusRecords } from './corpusRecords.js';
import { corpusMeta, corpusTables } from './corpusRows.js';
import { copyRow, type CopyValue } from './copyText.js';
import { hubListStatement } from './hubLists.js';
import { columnsOf, indexStatements, LOAD_CHANNEL, LOAD_LOCK_KEY, LOAD_SCHEMA_PREFIX, quoteIdent, READER_SCHEMA, switchStatements, TABLES, type TableName } from './schema.js';
import { snapshotRecords } from './snapshotRecords.js';

export type { CorpusMeta } from './corpusRows.js';

export interface LoadOptions {
  /** Rows written so far of how many (every table). */
  readonly onProgress?: ProgressCallback;
  /** Entities and relations read by the planning pass, of how many (before any row is written). */
  readonly onRead?: ProgressCallback;
  /** Index, ANALYZE and switch statements run, of how many (after the rows). */
  readonly onIndexes?: ProgressCallback;
}

export interface LoadResult {
  /** The schema now served. */
  readonly schema: string;
  readonly identity: GraphIdentity;
  /** Rows written, all tables together. */
  readonly rows: number;
  readonly entities: number;
  readonly relations: number;
}

/** Rows are sent to COPY in chunks of about this many. */
const CHUNK_ROWS = 2_000;

/** The rows of `table`, joined into chunks of COPY text. */
async function* chunks(rows: Iterable<CopyValue[]>, onRows: (n: number) => void): AsyncGenerator<string> {
  let buffer: string[] = [];
  for (const row of rows) {
    buffer.push(copyRow(row));
    if (buffer.length >= CHUNK_ROWS) {
      yield buffer.join('');
      onRows(buffer.length);
      buffer = [];
    }
  }
  if (buffer.length > 0) {
    yield buffer.join('');
    onRows(buffer.length);
  }
}

async function copyTable(client: pg.PoolClient | pg.Client, schema: string, table: TableName, rows: Iterable<CopyValue[]>, onRows: (n: number) => void): Promise<void> {
  const columns = columnsOf(table).join(', ');
  // FREEZE (the table was created in this transaction): rows written frozen and pages marked all-visible, so the
  // readers' index-only scans (schema.ts indexStatements) need no heap visit and no later VACUUM.
  const stream = client.query(copyFrom(`COPY ${quoteIdent(schema)}.${table} (${columns}) FROM STDIN WITH (FREEZE)`));
  await pipeline(Readable.from(chunks(rows, onRows)), stream);
}

/** True when pg_trgm is there or could be created (a savepoint keeps a refusal from aborting the load). */
async function ensureTrigrams(client: pg.Client): Promise<boolean> {
  await client.query('SAVEPOINT trigrams');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query('RELEASE SAVEPOINT trigrams');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT trigrams');
    return false;
  }
}

/** A new schema name: time-ordered, so the newest is obvious to an operator, and unique per load. */
function freshSchemaName(identity: GraphIdentity): string {
  const hash = identity.id.replace(/^sha256:/u, '').slice(0, 8);
  return `${LOAD_SCHEMA_PREFIX}${Date.now()}_${hash}`.toLowerCase();
}

/**
 * Loads `graph` into the database at `connection` and serves it from the commit on (see the module comment).
 * @throws the database's error; nothing is changed then.
 */
export async function loadGraphIntoPostgres(connection: string | pg.ClientConfig, graph: NewsGraph, options: LoadOptions = {}): Promise<LoadResult> {
  return loadCorpusIntoPostgres(connection, graphRecords(graph), options);
}

/**
 * Loads the snapshot `file` without decoding it into a graph (snapshotRecords.ts): the same rows as
 * `loadGraphIntoPostgres(connection, await loadSnapshot(file))`, in a fraction of the memory.
 * @throws {NewsgraphError} SNAPSHOT_INVALID for a file that is not a valid snapshot; the database's error. Nothing is changed then.
 */
export async function loadSnapshotIntoPostgres(connection: string | pg.ClientConfig, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  return loadCorpusIntoPostgres(connection, await snapshotRecords(file), options);
}

/** Loads a corpus's records (corpusRecords.ts); what both entry points above do. */
export async function loadCorpusIntoPostgres(connection: string | pg.ClientConfig, records: CorpusRecords, options: LoadOptions = {}): Promise<LoadResult> {
  const identity = records.identity;
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : connection);
  // Connect first: a wrong URL is said at once, not after the planning pass.
  await client.connect();
  const schema = freshSchemaName(identity);
  let done = 0;
  let counted = { entities: 0, relations: 0 };
  try {
    const plan = planCorpus(records, options.onRead);
    counted = { entities: plan.rowCounts.entity, relations: plan.rowCounts.relation };
    // `reach` has one row per entity (reachRows.ts).
    const total = Object.values(plan.rowCounts).reduce((sum, n) => sum + n, 0) + plan.rowCounts.entity;
    const onRows = (n: number): void => {
      done += n;
      options.onProgress?.(done, total);
    };
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOAD_LOCK_KEY]);
    const trigrams = await ensureTrigrams(client);
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const [table, columns] of Object.entries(TABLES)) await client.query(`CREATE TABLE ${quoteIdent(schema)}.${table} (${columns})`);
    for (const [table, rows] of corpusTables(records, plan)) await copyTable(client, schema, table, rows, onRows);
    await copyTable(client, schema, 'meta', [['corpus', JSON.stringify(corpusMeta(records, plan, trigrams))]], () => {});
    const finishing = [
      ...indexStatements(schema, trigrams),
      hubListStatement(schema), // from the adjacency index: the explorer's count around hubs (hubLists.ts)
      ...Object.keys(TABLES).map((table) => `ANALYZE ${quoteIdent(schema)}.${table}`),
      ...switchStatements(schema),
      `CREATE TABLE IF NOT EXISTS ${quoteIdent(READER_SCHEMA)}.current (schema text NOT NULL, loaded_at timestamptz NOT NULL)`,
      `DELETE FROM ${quoteIdent(READER_SCHEMA)}.current`,
    ];
    for (const [i, statement] of finishing.entries()) {
      await client.query(statement);
      options.onIndexes?.(i + 1, finishing.length + 1);
    }
    await client.query(`INSERT INTO ${quoteIdent(READER_SCHEMA)}.current VALUES ($1, now())`, [schema]);
    await client.query(`NOTIFY ${LOAD_CHANNEL}`); // servers drop their copy of the corpus's figures at the commit
    await client.query('COMMIT');
    options.onIndexes?.(finishing.length + 1, finishing.length + 1);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
    throw error;
  }
  try {
    await dropOlderSchemas(client, schema);
  } finally {
    await client.end();
  }
  return { schema, identity, rows: done, ...counted };
}

/** Drops every loaded schema but `keep` (readers have already moved to it); each in its own transaction. */
async function dropOlderSchemas(client: pg.Client, keep: string): Promise<void> {
  const older = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) AND nspname <> $2`, [LOAD_SCHEMA_PREFIX, keep]);
  for (const { nspname } of older.rows) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE`);
}
