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
import type { EntityAttributes, NewsGraph } from '../graph/types.js';
import { ARTICLE_COLUMNS, EDGE_COLUMNS, hasLongList, listJsonParts, longList, NODE_COLUMNS, type Column, type ColumnType, type ColumnValue } from './columns.js';
import { csvField, csvRecord, quotedFieldParts } from './escape/csv.js';
import { joinedPieces, layoutPieces, lines, type ItemText, type Layout } from './layout.js';
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

/**
 * Finds the array delimiter: the first candidate that no list element of any entity contains (aliases, article ids),
 * an entity at a time, so that a corpus read a page at a time from a store needs no more memory than a graph does.
 */
export class ArrayDelimiterFinder {
  private candidates: readonly string[] = ARRAY_DELIMITERS;

  add(entity: EntityAttributes): void {
    for (const column of LIST_COLUMNS) {
      const value = column.get(entity);
      if (typeof value !== 'object') continue;
      for (const element of value) {
        if (this.candidates.some((d) => element.includes(d))) this.candidates = this.candidates.filter((d) => !element.includes(d));
      }
    }
  }

  /** @throws NewsgraphError BAD_USER_INPUT when every candidate occurs in some list element. */
  found(): string {
    const delimiter = this.candidates[0];
    if (delimiter === undefined) {
      throw new NewsgraphError(
        'BAD_USER_INPUT',
        `csv: every array delimiter (${ARRAY_DELIMITERS.join(' ')}) occurs in some alias or article id; ` +
          'export another format (json, graphml) or rename the alias.',
      );
    }
    return delimiter;
  }
}

/** The entity columns that are lists: the ones the delimiter joins. */
const LIST_COLUMNS = NODE_COLUMNS.filter((column) => column.type === 'string[]');

/** The array delimiter for this graph: the first candidate that no list element contains. */
export function csvArrayDelimiter(graph: NewsGraph): string {
  return runSteps(arrayDelimiterSteps(graph));
}

/** csvArrayDelimiter, a PAUSE every few entities (steps.ts). */
function* arrayDelimiterSteps(graph: NewsGraph): Generator<string, string> {
  const finder = new ArrayDelimiterFinder();
  let seen = 0;
  for (const { attributes: entity } of graph.nodeEntries()) {
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
    finder.add(entity);
  }
  return finder.found();
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

/** One file of the csv export, as a layout (layout.ts). */
export interface CsvFileLayout {
  readonly name: string;
  readonly layout: Layout;
}

/**
 * A record of `leading` fields, then the columns' fields for `element`: one string, or its pieces when a column's list
 * is long (columns.ts longList), that list's JSON text written an item at a time (a head of state's evidence at
 * 100,000 articles is tens of megabytes).
 */
function columnsRecord<T>(leading: readonly string[], columns: readonly Column<T>[], element: T, delimiter: string): ItemText {
  if (!hasLongList(columns, element)) return csvRecord([...leading, ...columns.map((c) => field(c.get(element), delimiter))]);
  return joinedPieces(columnsRecordParts(leading, columns, element, delimiter));
}

/** columnsRecord's text in parts: quotes are doubled character by character, so it is the same text. */
function* columnsRecordParts<T>(leading: readonly string[], columns: readonly Column<T>[], element: T, delimiter: string): Generator<string> {
  yield leading.map(csvField).join(',');
  for (const column of columns) {
    yield ',';
    const list = longList(column, element);
    // A list of PIECES_FROM_ITEMS items has commas between them: its field is always quoted.
    if (list !== undefined) yield* quotedFieldParts(listJsonParts(list));
    else yield csvField(field(column.get(element), delimiter));
  }
  yield '\r\n';
}

/**
 * The csv export's files in their order, each a layout, for a graph whose lists are joined with `delimiter`
 * (ArrayDelimiterFinder): written from a graph in memory (neo4jCsvPieces) or from a store's pages (layoutStream.ts).
 */
export function csvFileLayouts(delimiter: string): readonly CsvFileLayout[] {
  return [
    {
      name: CSV_NODES_FILE,
      layout: () => [
        csvRecord(['id:ID', ':LABEL', ...NODE_COLUMNS.map(header)]),
        { nodes: lines(({ node: key, attributes: entity }) => columnsRecord([key, [ENTITY_LABEL, entity.kind].join(delimiter)], NODE_COLUMNS, entity, delimiter)) },
      ],
    },
    {
      name: CSV_RELATIONSHIPS_FILE,
      layout: () => [
        csvRecord([':START_ID', ':END_ID', ':TYPE', 'id', ...EDGE_COLUMNS.map(header)]),
        { edges: lines(({ edge: key, attributes: relation, source, target }) => columnsRecord([source, target, relation.predicate, key], EDGE_COLUMNS, relation, delimiter)) },
      ],
    },
    {
      name: CSV_ARTICLES_FILE,
      layout: () => [
        csvRecord([`id:ID(${ARTICLE_LABEL})`, ':LABEL', ...ARTICLE_COLUMNS.map(header)]),
        { articles: lines((article) => csvRecord([article.id, ARTICLE_LABEL, ...ARTICLE_COLUMNS.map((c) => field(c.get(article), delimiter))])) },
      ],
    },
    { name: CSV_IMPORT_SCRIPT, layout: () => [importScript(delimiter)] },
  ];
}

/**
 * `toNeo4jCsv`'s files in its order, each a record per piece (lazy; steps.ts). Read them in order: the first
 * file's pieces find the array delimiter, which the others use.
 */
export function neo4jCsvPieces(graph: NewsGraph): FilePieces[] {
  let layouts: readonly CsvFileLayout[] | undefined;
  const pieces = function* (index: number): Generator<string> {
    if (index === 0) layouts = csvFileLayouts(yield* arrayDelimiterSteps(graph));
    const file = layouts?.[index];
    if (file === undefined) throw new Error(`Invariant: read ${CSV_NODES_FILE} before the other csv files.`);
    yield* layoutPieces(file.layout, graph);
  };
  return [CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE, CSV_ARTICLES_FILE, CSV_IMPORT_SCRIPT].map((name, index) => ({ name, pieces: { [Symbol.iterator]: () => pieces(index) } }));
}
