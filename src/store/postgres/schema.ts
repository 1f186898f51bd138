/**
 * The tables of one loaded corpus, shaped for the questions the store answers (GraphStore), and the reader
 * views that point at the corpus being served.
 *
 * Every order the in-memory store answers in is computed once at load time by the same functions of
 * `src/graph/` and stored as an integer: an entity's and a relation's graph position (`pos`, the order of pages
 * and adjacency lists), an article's publication position, an event's timeline position, a name's search rank
 * key (folded length, entity position). Queries then `ORDER BY` those integers, so both stores agree by
 * construction instead of by re-implementing the sorts in SQL. Whole records are kept as `json` (not `jsonb`,
 * which reorders object keys): the API reads the same objects, key order included, that the graph holds.
 *
 * Each load writes a fresh schema `newsgraph_<timestamp>`; readers query the views of schema `newsgraph`, which
 * the loader re-points in the transaction that commits the load (docs/design-choices.md, "PostgreSQL: one
 * schema per load, views switched in one transaction").
 */

/**
 * The layout of the tables and records a load writes, stored in its meta row (`tablesVersion`): a store refuses a
 * load of another layout ("reload with newsgraph load"), since it would misread it or miss a table or an index it
 * reads. 2: slim copies keep the heads of their lists (listHeads.ts); the `reach` table, `reach_entity` and
 * `adjacency_reach` (paths, traversals.ts; "did you mean", nearIds.ts). 3: entity and relation `cut`, each record's
 * text without its long lists (projectedRecords.ts `projectedText`), and the `hub_list` table (the explorer's count
 * around hubs, hubLists.ts).
 */
export const TABLES_VERSION = 3;

/** The schema readers query: views over the tables of the corpus being served. */
export const READER_SCHEMA = 'newsgraph';
/** Every loaded corpus lives in a schema whose name starts so. */
export const LOAD_SCHEMA_PREFIX = 'newsgraph_';
/** The channel a load notifies in the transaction that switches the views (delivered at its commit): corpusMeta.ts. */
export const LOAD_CHANNEL = 'newsgraph_load';
/** Held by a load for its whole transaction: two loads never interleave. */
export const LOAD_LOCK_KEY = 7_261_930_412;

/** The tables of one corpus, with their columns (in COPY order). */
export const TABLES = {
  meta: 'key text COLLATE "C" PRIMARY KEY, value json NOT NULL',
  entity: [
    'pos integer PRIMARY KEY',
    'id text COLLATE "C" NOT NULL',
    'kind text COLLATE "C" NOT NULL',
    'timeline_pos integer',
    'timeline_date text COLLATE "C"',
    'status text COLLATE "C"',
    'event_type text COLLATE "C"',
    'contradicts boolean NOT NULL',
    'degree integer NOT NULL',
    'x double precision NOT NULL',
    'y double precision NOT NULL',
    'doc json NOT NULL',
    // The record without its long lists, for records of SLIM_FROM characters or more (slimRecords.ts); else NULL.
    'slim json',
    // The record's text without its long lists, made at load (projectedRecords.ts `projectedText`): what most answers read.
    'cut text NOT NULL',
  ].join(', '),
  name: 'rank integer PRIMARY KEY, entity_pos integer NOT NULL, folded text COLLATE "C" NOT NULL, is_alias boolean NOT NULL',
  // A name's words, each with the name's rank, entity, folded form and kind: the prefix tier is one index-only range.
  name_word: 'word text COLLATE "C" NOT NULL, rank integer NOT NULL, entity_pos integer NOT NULL, folded text COLLATE "C" NOT NULL, kind text COLLATE "C" NOT NULL',
  relation: [
    'pos integer PRIMARY KEY',
    'id text COLLATE "C" NOT NULL',
    'predicate text COLLATE "C" NOT NULL',
    'subject text COLLATE "C" NOT NULL',
    'object text COLLATE "C" NOT NULL',
    'negated boolean NOT NULL',
    'is_symmetric boolean NOT NULL',
    'draft boolean NOT NULL',
    'event text COLLATE "C"',
    'article_count integer NOT NULL',
    'doc json NOT NULL',
    'slim json',
    // As the entity's, with the relation's article count (projectedRecords.ts COUNT_KEY).
    'cut text NOT NULL',
  ].join(', '),
  adjacency: [
    'entity text COLLATE "C" NOT NULL',
    'relation_pos integer NOT NULL',
    'other text COLLATE "C" NOT NULL',
    'predicate text COLLATE "C" NOT NULL',
    'negated boolean NOT NULL',
    'as_out boolean NOT NULL',
    'as_in boolean NOT NULL',
    'traversable boolean NOT NULL',
  ].join(', '),
  article: 'pos integer PRIMARY KEY, graph_pos integer NOT NULL, id text COLLATE "C" NOT NULL, published text COLLATE "C", source_folded text COLLATE "C", doc json NOT NULL',
  relation_article: 'article text COLLATE "C" NOT NULL, relation_pos integer NOT NULL, published text COLLATE "C"',
  entity_article: 'article text COLLATE "C" NOT NULL, entity_pos integer NOT NULL',
  // Distinct entities one traversable relation reaches from each entity: a path search's first ring, counted (reachRows.ts).
  // Its position and id too: narrow, so "did you mean" reads the first ids in graph order from it (nearIds.ts).
  reach: 'pos integer PRIMARY KEY, entity text COLLATE "C" NOT NULL, neighbours integer NOT NULL',
  // Each hub's first rows and where it meets each entity first, for the explorer's count (hubLists.ts): filled in SQL
  // after the indexes (hubListStatement), not by COPY.
  hub_list: 'entity text COLLATE "C" PRIMARY KEY, degree integer NOT NULL, positions bytea NOT NULL, firsts bytea NOT NULL',
} as const;


export type TableName = keyof typeof TABLES;

/** The column names of a table, in COPY order. */
export function columnsOf(table: TableName): string[] {
  return TABLES[table]
    .split(/,\s*(?![^(]*\))/u)
    .map((column) => column.trim().split(' ')[0] ?? '')
    .filter((name) => name !== '');
}

/**
 * Indexes, built after the COPY (faster than maintaining them row by row): each one serves a question.
 * `name_folded_trgm` needs pg_trgm for substring search; without the extension that tier scans `name`.
 */
export function indexStatements(schema: string, trigrams: boolean): string[] {
  const s = quoteIdent(schema);
  const statements = [
    `CREATE UNIQUE INDEX entity_id ON ${s}.entity (id)`, // entity(id), entities(ids)
    `CREATE INDEX entity_kind ON ${s}.entity (kind, pos)`, // entitiesOfKind, claims
    `CREATE INDEX entity_timeline ON ${s}.entity (timeline_pos) WHERE timeline_pos IS NOT NULL`, // timeline
    `CREATE INDEX name_folded ON ${s}.name (folded)`, // exact name and alias tiers
    // Prefix tier (word >= q AND word < q || U+10FFFF): covering, so a range is read from the index alone.
    `CREATE INDEX name_word_prefix ON ${s}.name_word (word, rank) INCLUDE (entity_pos, folded, kind)`,
    `CREATE UNIQUE INDEX relation_id ON ${s}.relation (id)`, // cursors, look-ups
    // relations(predicate:, negated:, draft:): covering, so a page and its totalCount are read from the index alone
    // (a count of 30,000 REJECTED relations fetched as many heap pages for `negated`: 180 ms).
    `CREATE INDEX relation_predicate ON ${s}.relation (predicate, pos) INCLUDE (negated, draft, article_count)`,
    `CREATE INDEX relation_event ON ${s}.relation (event, pos) WHERE event IS NOT NULL`, // relationsOfEvent
    `CREATE INDEX relation_several ON ${s}.relation (pos) INCLUDE (predicate, negated, draft, article_count) WHERE article_count >= 2`, // relations(minArticles:)
    // Every hop, relationsOf, linked: covering, so a hop is an index-only scan in relation order (the loader's
    // COPY FREEZE marks the pages all-visible), not a heap page per row of a hub's relations scattered over the table.
    `CREATE INDEX adjacency_entity ON ${s}.adjacency (entity, relation_pos) INCLUDE (other, predicate, negated, as_out, as_in, traversable)`,
    // An entity's rows of one predicate (typed fields, relationsOf with a predicate: predicateAdjacency.ts): a range,
    // not a filter over all its rows (a hub proposal's one PROPOSED row among 29,632 at 100,000 articles).
    `CREATE INDEX adjacency_predicate ON ${s}.adjacency (entity, predicate, relation_pos) INCLUDE (other, negated, as_out, as_in)`,
    // The relations between two given entities (the explorer's relations among hubs it draws): one descent per pair.
    // In relation order within a pair, so that a pair's first relations are read without its whole list (two hubs of
    // 100,000 articles share thousands): each pair's LIMIT stops the scan.
    `CREATE INDEX adjacency_pair ON ${s}.adjacency (entity, other, relation_pos) INCLUDE (predicate)`,
    // A path search's meetings (traversals.ts): the first traversable relation between two given entities, one
    // descent per pair, and whether an entity is next to a hub, without reading the hub's relations.
    `CREATE INDEX adjacency_reach ON ${s}.adjacency (entity, other, relation_pos) WHERE traversable`,
    `CREATE UNIQUE INDEX reach_entity ON ${s}.reach (entity) INCLUDE (neighbours)`, // a path's first rings (traversals.ts)
    `CREATE UNIQUE INDEX article_id ON ${s}.article (id)`,
    `CREATE INDEX article_published ON ${s}.article (published)`,
    `CREATE UNIQUE INDEX article_graph_pos ON ${s}.article (graph_pos)`, // the graph's own order, for exports
    `CREATE INDEX relation_article_article ON ${s}.relation_article (article, relation_pos)`, // articleRelations
    `CREATE INDEX relation_article_published ON ${s}.relation_article (published)`, // relations(from:, to:)
    `CREATE INDEX entity_article_article ON ${s}.entity_article (article, entity_pos)`, // articleEntities
  ];
  if (trigrams) statements.push(`CREATE INDEX name_folded_trgm ON ${s}.name USING gin (folded gin_trgm_ops)`);
  return statements;
}

/** An SQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`;
}

/** The statements that point the reader views at `schema` (run inside the load's transaction). */
export function switchStatements(schema: string): string[] {
  const reader = quoteIdent(READER_SCHEMA);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${reader}`,
    ...Object.keys(TABLES).flatMap((table) => [`DROP VIEW IF EXISTS ${reader}.${table}`, `CREATE VIEW ${reader}.${table} AS SELECT * FROM ${quoteIdent(schema)}.${table}`]),
  ];
}
