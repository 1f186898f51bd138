/**
 * A Cypher script for Neo4j 5 and Memgraph that creates the graph, and can be run again: every node is
 * `MERGE`d on `(:Entity {id})` and every relationship on its `id` between its two nodes, then its
 * properties are set to exactly the exported ones (`SET x = {…}`), so a second run changes nothing.
 *
 * Injection-safe by construction: values are string literals escaped by table (escape/cypher.ts);
 * labels, relationship types and property keys come from the ontology's fixed vocabulary and the column
 * names, checked and backticked (`cypherName`), never from data. Columns as in `columns.ts`: lists are
 * Cypher lists, `properties`, `evidence` and an event's `history` JSON text (Neo4j properties cannot nest).
 * The articles are `(:Article {id, title, published, source, url})` nodes, merged on their id the same way.
 */
import type { NewsGraph } from '../graph/types.js';
import { isEntityKind, isEventRole, isPredicate } from '../ontology/index.js';
import { ARTICLE_COLUMNS, EDGE_COLUMNS, hasLongList, listJsonParts, longList, NODE_COLUMNS, type Column, type ColumnValue } from './columns.js';
import { cypherName, cypherString, cypherStringParts } from './escape/cypher.js';
import { gatherLines, joinChunks } from './chunks.js';
import { ARTICLE_LABEL, ENTITY_LABEL } from './csv.js';
import { joinedPieces, layoutPieces, lines, type ItemText, type Layout } from './layout.js';

function literal(value: ColumnValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `[${value.map(cypherString).join(', ')}]`;
}

function propertyMap<T>(id: string, columns: readonly Column<T>[], element: T): string {
  const entries = [`id: ${cypherString(id)}`];
  for (const column of columns) {
    const value = column.get(element);
    if (value !== undefined) entries.push(`${cypherName(column.name)}: ${literal(value)}`);
  }
  return `{${entries.join(', ')}}`;
}

/**
 * A statement's text, `open` + the element's property map + `close`: one string, or its pieces when a column's list is
 * long (columns.ts longList), that list's JSON text written an item at a time (a head of state's evidence at 100,000
 * articles is tens of megabytes).
 */
function statementText<T>(open: string, id: string, columns: readonly Column<T>[], element: T, close: string): ItemText {
  if (!hasLongList(columns, element)) return open + propertyMap(id, columns, element) + close;
  return joinedPieces(statementParts(open, id, columns, element, close));
}

/** statementText's text in parts: propertyMap's, a long list's literal a part at a time (cypherStringParts). */
function* statementParts<T>(open: string, id: string, columns: readonly Column<T>[], element: T, close: string): Generator<string> {
  yield `${open}{id: ${cypherString(id)}`;
  for (const column of columns) {
    const list = longList(column, element);
    if (list !== undefined) {
      yield `, ${cypherName(column.name)}: `;
      yield* cypherStringParts(listJsonParts(list));
      continue;
    }
    const value = column.get(element);
    if (value !== undefined) yield `, ${cypherName(column.name)}: ${literal(value)}`;
  }
  yield `}${close}`;
}

/**
 * The graph as a Cypher script, one statement per line.
 * @throws Error when a kind or predicate is outside the vocabulary (the typed graph never has one).
 */
export function toCypher(graph: NewsGraph): string {
  return joinChunks(cypherLines(graph));
}

/** `toCypher`'s text, in chunks of many lines (lazy: an error surfaces while reading). */
export function toCypherChunks(graph: NewsGraph): Iterable<string> {
  return gatherLines(cypherLines(graph));
}

/** The script's lines, each with its line break, in the order of `nodeEntries` and `edgeEntries`. */
export const CYPHER_LAYOUT: Layout = (head) => {
  const entity = cypherName(ENTITY_LABEL);
  const article = cypherName(ARTICLE_LABEL);
  return [
    `// newsgraph: ${head.entities} entities, ${head.relations} relations, ${head.articles} article(s). Idempotent: MERGE on id, then SET to the exported properties.\n`,
    `// For speed on large graphs, first: CREATE INDEX entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.id);\n`,
    // Articles as (:Article) nodes with their title, date, source and url; an entity's `articles` lists their ids.
    { articles: lines((record) => `MERGE (a:${article} {id: ${cypherString(record.id)}}) SET a = ${propertyMap(record.id, ARTICLE_COLUMNS, record)};\n`) },
    {
      nodes: lines(({ node: key, attributes }) => {
        if (!isEntityKind(attributes.kind)) throw new Error(`cypher: entity "${key}" has kind "${attributes.kind}" outside the vocabulary`);
        return statementText(`MERGE (n:${entity} {id: ${cypherString(key)}}) SET n:${cypherName(attributes.kind)} SET n = `, key, NODE_COLUMNS, attributes, ';\n');
      }),
    },
    {
      edges: lines(({ edge: key, attributes: relation, source, target }) => {
        const type = relation.predicate;
        if (!isPredicate(type) && !isEventRole(type)) throw new Error(`cypher: relation "${key}" has predicate "${type}" outside the vocabulary`);
        return statementText(
          `MATCH (s:${entity} {id: ${cypherString(source)}}), (o:${entity} {id: ${cypherString(target)}}) ` +
            `MERGE (s)-[r:${cypherName(type)} {id: ${cypherString(key)}}]->(o) SET r = `,
          key,
          EDGE_COLUMNS,
          relation,
          ';\n',
        );
      }),
    },
  ];
};

/** `toCypher`'s lines (lazy: an error surfaces while reading). */
export function cypherLines(graph: NewsGraph): Generator<string> {
  return layoutPieces(CYPHER_LAYOUT, graph);
}
