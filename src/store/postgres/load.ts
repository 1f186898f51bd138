/**
 * Loading a built graph into PostgreSQL, atomically: one transaction creates a fresh schema, streams every table
 * in with COPY (pg-copy-streams), builds the indexes, and re-points the reader views at it; only then does it
 * commit. A load that fails or is killed rolls back with its transaction, so the corpus being served never
 * changes half-way; the older schemas are dropped after the commit (and by the next load, if this one dies
 * before it gets there). Sort keys, folded names and layout positions are computed here, once, by the same
 * functions the in-memory store uses, so the two stores answer in the same order.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { graphIdentity, type GraphIdentity } from '../../graph/identity.js';
import { graphIndex, relationsTouching, type GraphIndex } from '../../graph/indices.js';
import { graphLayout } from '../../graph/layout.js';
import { nameIndex } from '../../graph/nameIndex.js';
import { isTraversable } from '../../graph/paths.js';
import type { NewsGraph, RelationAttributes } from '../../graph/types.js';
import type { ProgressCallback } from '../../progress.js';
import { evidenceArticleIds } from '../evidenceArticles.js';
import { copyRow, type CopyValue } from './copyText.js';
import { columnsOf, indexStatements, LOAD_CHANNEL, LOAD_LOCK_KEY, LOAD_SCHEMA_PREFIX, quoteIdent, READER_SCHEMA, switchStatements, TABLES, type TableName } from './schema.js';

export interface LoadOptions {
  /** Rows written so far of how many (every table), then once more when the indexes are built. */
  readonly onProgress?: ProgressCallback;
}

export interface LoadResult {
  /** The schema now served. */
  readonly schema: string;
  readonly identity: GraphIdentity;
  /** Rows written, all tables together. */
  readonly rows: number;
}

/** The stored form of the corpus-wide figures the store answers without counting (meta table). */
export interface CorpusMeta {
  readonly identity: GraphIdentity;
  readonly entityCount: number;
  readonly relationCount: number;
  readonly nameCount: number;
  readonly kindCounts: Readonly<Record<string, number>>;
  /** [predicate, count] in the graph's order of first use (the order `predicateCounts` answers in). */
  readonly predicateCounts: ReadonlyArray<readonly [string, number]>;
  readonly trigrams: boolean;
  /** The graph's attributes in their order, `articles` as null (its records are the article table's). */
  readonly graphAttributes: ReadonlyArray<readonly [string, unknown]>;
}

/** Rows are sent to COPY in chunks of about this many. */
const CHUNK_ROWS = 2_000;

function* entityRows(index: GraphIndex, graph: NewsGraph): Generator<CopyValue[]> {
  const positions = graphLayout(graph);
  for (const [pos, entity] of index.entities.entries()) {
    const touching = relationsTouching(index, entity.id);
    const contradicts = entity.kind === 'CLAIM' && touching.some((r) => r.predicate === 'CONTRADICTS' && !r.negated);
    const at = positions.get(entity.id) ?? { x: 0, y: 0 };
    const event = entity.kind === 'EVENT' ? entity.properties : undefined;
    yield [
      pos,
      entity.id,
      entity.kind,
      index.timelinePosition.get(entity.id),
      index.timelineDate.get(entity.id),
      event?.status,
      event?.eventType,
      contradicts,
      touching.length,
      at.x,
      at.y,
      JSON.stringify(entity),
    ];
  }
}

function* nameRows(index: GraphIndex): Generator<CopyValue[]> {
  const names = nameIndex(index);
  for (const [rank, entry] of names.names.entries()) yield [rank, names.position[rank] ?? 0, entry.folded, entry.isAlias];
}

function* nameWordRows(index: GraphIndex): Generator<CopyValue[]> {
  const names = nameIndex(index);
  for (const [rank, entry] of names.names.entries()) for (const word of new Set(entry.words)) yield [word, rank];
}

function* relationRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [pos, r] of index.relations.entries()) {
    yield [pos, r.id, r.predicate, r.subject, r.object, r.negated, r.symmetric, r.draft === true, r.event, evidenceArticleIds(r.evidence).length, JSON.stringify(r)];
  }
}

/** One row per end of a relation (one for a self-loop), with which directions it matches from that end. */
function* adjacencyRows(index: GraphIndex): Generator<CopyValue[]> {
  const row = (r: RelationAttributes, pos: number, entity: string): CopyValue[] => {
    const other = r.subject === entity ? r.object : r.subject;
    const asOut = r.subject === entity || (r.symmetric && r.object === entity);
    const asIn = r.object === entity || (r.symmetric && r.subject === entity);
    return [entity, pos, other, r.predicate, r.negated, asOut, asIn, isTraversable(r)];
  };
  for (const [pos, r] of index.relations.entries()) {
    yield row(r, pos, r.subject);
    if (r.object !== r.subject) yield row(r, pos, r.object);
  }
}

function* articleRows(index: GraphIndex, graph: NewsGraph): Generator<CopyValue[]> {
  const graphOrder = new Map(graph.getAttribute('articles').map((a, i) => [a.id, i]));
  for (const [pos, article] of index.articlesInOrder.entries()) {
    yield [pos, graphOrder.get(article.id) ?? pos, article.id, article.published, article.source?.toLowerCase(), JSON.stringify(article)];
  }
}

function* relationArticleRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [article, relations] of index.relationsByArticle) {
    const published = index.articles.get(article)?.published;
    for (const r of relations) yield [article, index.relationPosition.get(r.id) ?? 0, published];
  }
}

function* entityArticleRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [article, entities] of index.entitiesByArticle) for (const e of entities) yield [article, index.entityPosition.get(e.id) ?? 0];
}

function metaOf(graph: NewsGraph, index: GraphIndex, trigrams: boolean): CorpusMeta {
  const kindCounts: Record<string, number> = {};
  for (const [kind, list] of index.byKind) kindCounts[kind] = list.length;
  return {
    identity: graphIdentity(graph),
    entityCount: index.entities.length,
    relationCount: index.relations.length,
    nameCount: nameIndex(index).names.length,
    kindCounts,
    predicateCounts: [...index.byPredicate].map(([name, list]) => [name, list.length] as const),
    trigrams,
    graphAttributes: Object.entries(graph.getAttributes())
      .filter(([, value]) => value !== undefined) // JSON leaves such keys out
      .map(([key, value]) => [key, key === 'articles' ? null : value] as const),
  };
}

/** How many rows each table will get (for the progress total). */
function rowCounts(index: GraphIndex): number {
  let adjacency = 0;
  for (const r of index.relations) adjacency += r.subject === r.object ? 1 : 2;
  let relationArticles = 0;
  for (const list of index.relationsByArticle.values()) relationArticles += list.length;
  let entityArticles = 0;
  for (const list of index.entitiesByArticle.values()) entityArticles += list.length;
  let words = 0;
  for (const entry of nameIndex(index).names) words += new Set(entry.words).size;
  const names = nameIndex(index).names.length;
  return index.entities.length + names + words + index.relations.length + adjacency + index.articles.size + relationArticles + entityArticles;
}

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
  const index = graphIndex(graph);
  const identity = graphIdentity(graph);
  const total = rowCounts(index) + 1;
  let done = 0;
  const onRows = (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : connection);
  await client.connect();
  const schema = freshSchemaName(identity);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOAD_LOCK_KEY]);
    const trigrams = await ensureTrigrams(client);
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const [table, columns] of Object.entries(TABLES)) await client.query(`CREATE TABLE ${quoteIdent(schema)}.${table} (${columns})`);
    await copyTable(client, schema, 'entity', entityRows(index, graph), onRows);
    await copyTable(client, schema, 'name', nameRows(index), onRows);
    await copyTable(client, schema, 'name_word', nameWordRows(index), onRows);
    await copyTable(client, schema, 'relation', relationRows(index), onRows);
    await copyTable(client, schema, 'adjacency', adjacencyRows(index), onRows);
    await copyTable(client, schema, 'article', articleRows(index, graph), onRows);
    await copyTable(client, schema, 'relation_article', relationArticleRows(index), onRows);
    await copyTable(client, schema, 'entity_article', entityArticleRows(index), onRows);
    await copyTable(client, schema, 'meta', [['corpus', JSON.stringify(metaOf(graph, index, trigrams))]], () => {});
    for (const statement of indexStatements(schema, trigrams)) await client.query(statement);
    for (const table of Object.keys(TABLES)) await client.query(`ANALYZE ${quoteIdent(schema)}.${table}`);
    for (const statement of switchStatements(schema)) await client.query(statement);
    await client.query(`CREATE TABLE IF NOT EXISTS ${quoteIdent(READER_SCHEMA)}.current (schema text NOT NULL, loaded_at timestamptz NOT NULL)`);
    await client.query(`DELETE FROM ${quoteIdent(READER_SCHEMA)}.current`);
    await client.query(`INSERT INTO ${quoteIdent(READER_SCHEMA)}.current VALUES ($1, now())`, [schema]);
    await client.query(`NOTIFY ${LOAD_CHANNEL}`); // servers drop their copy of the corpus's figures at the commit
    await client.query('COMMIT');
    onRows(1);
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
  return { schema, identity, rows: total };
}

/** Drops every loaded schema but `keep` (readers have already moved to it); each in its own transaction. */
async function dropOlderSchemas(client: pg.Client, keep: string): Promise<void> {
  const older = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) AND nspname <> $2`, [LOAD_SCHEMA_PREFIX, keep]);
  for (const { nspname } of older.rows) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE`);
}
