/**
 * CSV for neo4j-admin (`neo4j-admin database import full`) and spreadsheets: `nodes.csv` and
 * `relationships.csv` (and `articles.csv`: the articles' title, date, source and url) with neo4j-admin headers (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed
 * columns such as `negated:boolean`, `fatalities_min:int`, `aliases:string[]`), and the import command in
 * `neo4j-admin-import.sh`.
 *
 * - Fields follow RFC 4180 (escape/csv.ts): quoted when needed, quotes doubled, CRLF records; an empty
 *   string is `""` and a missing value an empty field, as neo4j-admin reads them. Fields may hold line
 *   breaks, hence `--multiline-fields=true` in the script.
 * - Lists (`aliases`, `articles`, the labels) are joined with the array delimiter: `;` (neo4j-admin's
 *   default) unless a value holds one, then the first of `|`, `^`, `~` that none holds. The script passes
 *   it as `--array-delimiter`. An empty list is a missing value; a list of one empty string is `""`.
 * - Every node has the labels `Entity` and its kind; relationship types are predicates and role names.
 * - `properties` and `evidence` are JSON text (neo4j properties cannot nest).
 */
import { NewsgraphError } from '../errors.js';
import type { NewsGraph } from '../graph/types.js';
import { ARTICLE_COLUMNS, EDGE_COLUMNS, NODE_COLUMNS, type Column, type ColumnType, type ColumnValue } from './columns.js';
import { csvRecord } from './escape/csv.js';
import { ELEMENTS_PER_PAUSE, PAUSE, joinPieces, runSteps } from './steps.js';

export const CSV_NODES_FILE = 'nodes.csv';
export const CSV_RELATIONSHIPS_FILE = 'relationships.csv';
export const CSV_IMPORT_SCRIPT = 'neo4j-admin-import.sh';
export const CSV_ARTICLES_FILE = 'articles.csv';

/** The label every node carries besides its kind, so that one index on `Entity(id)` covers all. */
export const ENTITY_LABEL = 'Entity';
/** The label of the article nodes (title, published, source, url); their ids are an ID space of their own. */
export const ARTICLE_LABEL = 'Article';

const ARRAY_DELIMITERS = [';', '|', '^', '~'] as const;

const HEADER_TYPE: Readonly<Record<ColumnType, string>> = {
  string: '',
  json: '',
  int: ':int',
  boolean: ':boolean',
  'string[]': ':string[]',
};

function header<T>(column: Column<T>): string {
  return `${column.name}${HEADER_TYPE[column.type]}`;
}

function field(value: ColumnValue | undefined, delimiter: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.length === 0 ? undefined : value.join(delimiter);
}

/** The array delimiter for this graph: the first candidate that no list element contains. */
export function csvArrayDelimiter(graph: NewsGraph): string {
  return runSteps(arrayDelimiterSteps(graph));
}

/** csvArrayDelimiter, a PAUSE every few entities (steps.ts). */
function* arrayDelimiterSteps(graph: NewsGraph): Generator<string, string> {
  const elements: string[] = [];
  let seen = 0;
  for (const { attributes: entity } of graph.nodeEntries()) {
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
    for (const column of NODE_COLUMNS) {
      const value = column.get(entity);
      if (typeof value === 'object') elements.push(...value);
    }
  }
  const delimiter = ARRAY_DELIMITERS.find((d) => elements.every((e) => !e.includes(d)));
  if (delimiter === undefined) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      `csv: every array delimiter (${ARRAY_DELIMITERS.join(' ')}) occurs in some alias or article id; ` +
        'export another format (json, graphml) or rename the alias.',
    );
  }
  return delimiter;
}

function importScript(delimiter: string): string {
  return [
    '#!/bin/sh',
    '# Imports nodes.csv and relationships.csv (written by `newsgraph export --format csv`) into a new',
    '# Neo4j 5 database, by default "neo4j". Lists are separated by the array delimiter below; fields may',
    '# hold line breaks. articles.csv gives (:Article) nodes, their ids an ID space of their own (an entity\'s',
    '# `articles` lists them). Afterwards: CREATE INDEX entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);',
    'set -e',
    'cd "$(dirname "$0")"',
    `neo4j-admin database import full --nodes=${CSV_NODES_FILE} --nodes=${CSV_ARTICLES_FILE} --relationships=${CSV_RELATIONSHIPS_FILE} \\`,
    `  --array-delimiter='${delimiter}' --multiline-fields=true "\${1:-neo4j}"`,
    '',
  ].join('\n');
}

/** The graph as neo4j-admin import files: file name → content. */
export function toNeo4jCsv(graph: NewsGraph): Record<string, string> {
  return Object.fromEntries(neo4jCsvPieces(graph).map(({ name, pieces }) => [name, joinPieces(pieces)]));
}

/** One file of a several-file export, its text in pieces. */
export interface FilePieces {
  readonly name: string;
  readonly pieces: Iterable<string>;
}

/**
 * `toNeo4jCsv`'s files in its order, each a record per piece (lazy; steps.ts). Read them in order: the first
 * file's pieces find the array delimiter, which the others use.
 */
export function neo4jCsvPieces(graph: NewsGraph): FilePieces[] {
  let delimiter: string | undefined;
  const known = (): string => {
    if (delimiter === undefined) throw new Error(`Invariant: read ${CSV_NODES_FILE} before the other csv files.`);
    return delimiter;
  };
  const nodes = function* (): Generator<string> {
    const found = yield* arrayDelimiterSteps(graph);
    delimiter = found;
    yield csvRecord(['id:ID', ':LABEL', ...NODE_COLUMNS.map(header)]);
    for (const { node: key, attributes: entity } of graph.nodeEntries()) {
      yield csvRecord([key, [ENTITY_LABEL, entity.kind].join(found), ...NODE_COLUMNS.map((c) => field(c.get(entity), found))]);
    }
  };
  const relationships = function* (): Generator<string> {
    const found = known();
    yield csvRecord([':START_ID', ':END_ID', ':TYPE', 'id', ...EDGE_COLUMNS.map(header)]);
    for (const { edge: key, attributes: relation, source, target } of graph.edgeEntries()) {
      yield csvRecord([source, target, relation.predicate, key, ...EDGE_COLUMNS.map((c) => field(c.get(relation), found))]);
    }
  };
  const articles = function* (): Generator<string> {
    const found = known();
    yield csvRecord([`id:ID(${ARTICLE_LABEL})`, ':LABEL', ...ARTICLE_COLUMNS.map(header)]);
    for (const article of graph.getAttribute('articles') ?? []) {
      yield csvRecord([article.id, ARTICLE_LABEL, ...ARTICLE_COLUMNS.map((c) => field(c.get(article), found))]);
    }
  };
  return [
    { name: CSV_NODES_FILE, pieces: { [Symbol.iterator]: nodes } },
    { name: CSV_RELATIONSHIPS_FILE, pieces: { [Symbol.iterator]: relationships } },
    { name: CSV_ARTICLES_FILE, pieces: { [Symbol.iterator]: articles } },
    { name: CSV_IMPORT_SCRIPT, pieces: { [Symbol.iterator]: () => [importScript(known())][Symbol.iterator]() } },
  ];
}
