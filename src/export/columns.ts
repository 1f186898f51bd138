/**
 * The flat, typed columns that the tabular formats (GEXF, GraphML, CSV, Cypher) write for every entity and
 * relation, defined once so that the four agree on names, types and encoding.
 *
 * Two sorts of column:
 * - lossless columns carry the attributes; read together with the element's key (and, for a relation, its
 *   source and target, which are its subject and object) they give back the attributes exactly
 *   (`decodeColumns.ts`). Nested values (`properties`, `evidence`) are JSON text, on purpose: none of these
 *   formats has a nested type, and a JSON string keeps every key and type, where graphology-gexf would
 *   write `[object Object]`.
 * - derived columns repeat, with their own types, facts that sit inside `properties` (an event's
 *   `fatalities.min`, a relation's `ordinal`), so that Gephi, a spreadsheet or Neo4j can filter on them.
 *   Readers that want the attributes ignore them.
 */
import { PREDICATE_NAMES, predicateSpec, type PropertySpec } from '../ontology/index.js';
import type { ArticleRecord, EntityAttributes, JsonValue, RelationAttributes } from '../graph/types.js';

/** `json` columns hold JSON text; formats without lists write `string[]` columns as JSON text too. */
export type ColumnType = 'string' | 'int' | 'boolean' | 'string[]' | 'json';

export type ColumnValue = string | number | boolean | readonly string[];

export interface Column<T> {
  /** A plain identifier, valid as a GEXF attribute id, GraphML attr.name, neo4j header name and Cypher key. */
  readonly name: string;
  readonly type: ColumnType;
  readonly lossless: boolean;
  readonly description: string;
  /** The value, or undefined when the element has none (the column is then left out or empty). */
  readonly get: (element: T) => ColumnValue | undefined;
  /**
   * For a `json` column whose value is a list: the list, whose JSON text `get` returns. A writer may write it an item
   * at a time instead (graphml.ts, gexf.ts, csv.ts: a head of state's evidence is tens of megabytes at 100,000 articles).
   */
  readonly list?: (element: T) => readonly unknown[] | undefined;
}

const json = (value: JsonValue | object): string => JSON.stringify(value);

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A lossless column. */
function kept<T>(name: string, type: ColumnType, description: string, get: Column<T>['get']): Column<T> {
  return { name, type, lossless: true, description, get };
}

/**
 * A list column of at least this many items (evidence anchors) is written an item at a time by the writers that can
 * (graphml.ts, gexf.ts, csv.ts): a head of state at 100,000 articles has tens of thousands of anchors, and its evidence as one
 * JSON string, that string escaped, and the element's text were each tens of megabytes at once.
 */
export const PIECES_FROM_ITEMS = 1_000;

/** The column's list for this element when it is long enough to be written an item at a time, else undefined. */
export function longList<T>(column: Column<T>, element: T): readonly unknown[] | undefined {
  const list = column.list?.(element);
  return list !== undefined && list.length >= PIECES_FROM_ITEMS ? list : undefined;
}

/** Whether any of the columns' lists is long for this element (longList): then the writers write it in pieces. */
export function hasLongList<T>(columns: readonly Column<T>[], element: T): boolean {
  for (const column of columns) if (column.list !== undefined && longList(column, element) !== undefined) return true;
  return false;
}

/** A list's JSON text (`JSON.stringify(items)`) in parts: `[`, each item's (after a comma but the first), `]`. */
export function* listJsonParts(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (const [index, item] of items.entries()) {
    // JSON.stringify writes an item it cannot write (undefined, a function) as null inside a list.
    yield `${index === 0 ? '' : ','}${JSON.stringify(item) ?? 'null'}`;
  }
  yield ']';
}

/** A lossless `json` column holding a list: `get` is the list's JSON text, so the two cannot disagree. */
function keptList<T>(name: string, description: string, list: (element: T) => readonly unknown[] | undefined): Column<T> {
  return {
    name,
    type: 'json',
    lossless: true,
    description,
    get: (element) => {
      const items = list(element);
      return items === undefined ? undefined : json(items);
    },
    list,
  };
}

/** A derived column: a copy of a fact inside `properties`, typed, for filtering. */
function derived<T>(name: string, type: ColumnType, description: string, get: Column<T>['get']): Column<T> {
  return { name, type, lossless: false, description, get };
}

const EVIDENCE_DESCRIPTION = 'Text anchors (article, exact, prefix, suffix, start, end, sentence), as a JSON array.';
const TIME_TEXT_DESCRIPTION = "properties.timeText: the text's own words for the time.";

export const NODE_COLUMNS: readonly Column<EntityAttributes>[] = [
  kept('kind', 'string', 'Entity kind (PERSON, GOVERNMENT, …).', (e) => e.kind),
  kept('name', 'string', 'Canonical name.', (e) => e.name),
  kept('aliases', 'string[]', 'Every surface form used in the text.', (e) => e.aliases),
  kept('description', 'string', 'Optional description.', (e) => e.description),
  kept('wikidata', 'string', 'Wikidata id, where certain.', (e) => e.wikidata),
  kept('articles', 'string[]', 'Ids of the articles that mention it.', (e) => e.articles),
  kept('properties', 'json', 'Kind-specific facts, as JSON.', (e) => json(e.properties)),
  keptList('evidence', EVIDENCE_DESCRIPTION, (e) => e.evidence),
  kept('history', 'json', "EVENT: each article's report of its status ({status, article, published}) in publication order, as JSON; absent until a second article reports the event.", (e) =>
    e.kind === 'EVENT' && e.history !== undefined ? json(e.history) : undefined,
  ),
  derived('eventType', 'string', 'EVENT: properties.eventType.', (e) => (e.kind === 'EVENT' ? e.properties.eventType : undefined)),
  derived('status', 'string', 'EVENT: properties.status.', (e) => (e.kind === 'EVENT' ? e.properties.status : undefined)),
  derived('modality', 'string', "CLAIM: the claim's own modality.", (e) => (e.kind === 'CLAIM' ? e.properties.modality : undefined)),
  derived('time', 'string', 'EVENT, CLAIM: properties.time (ISO 8601).', (e) => text(e.properties['time'])),
  derived('timeText', 'string', TIME_TEXT_DESCRIPTION, (e) => text(e.properties['timeText'])),
  derived('fatalities_min', 'int', 'EVENT: properties.fatalities.min ("at least 12": 12).', (e) =>
    e.kind === 'EVENT' ? integer(e.properties.fatalities?.min) : undefined,
  ),
  derived('fatalities_max', 'int', 'EVENT: properties.fatalities.max.', (e) =>
    e.kind === 'EVENT' ? integer(e.properties.fatalities?.max) : undefined,
  ),
];

const LOSSLESS_EDGE_COLUMNS: readonly Column<RelationAttributes>[] = [
  kept('predicate', 'string', 'Predicate, or event role name for role edges.', (r) => r.predicate),
  kept('negated', 'boolean', 'True when the relation is stated not to hold.', (r) => r.negated),
  kept('modality', 'string', 'asserted, reported, planned, hypothetical, alleged, background.', (r) => r.modality),
  kept('attributedTo', 'string', 'Id of the actor whose statement it is.', (r) => r.attributedTo),
  kept('time', 'string', 'Resolved ISO 8601 date or interval.', (r) => r.time),
  kept('event', 'string', 'Id of the EVENT it is a role of, was projected from or stated in.', (r) => r.event),
  kept('origin', 'string', 'stated, role or projection.', (r) => r.origin),
  kept('symmetric', 'boolean', 'Symmetric predicate, stored once.', (r) => r.symmetric),
  kept('properties', 'json', 'Predicate properties, as JSON.', (r) => json(r.properties)),
  keptList('evidence', EVIDENCE_DESCRIPTION, (r) => r.evidence),
];

function propertyColumnType(spec: PropertySpec): ColumnType {
  return spec.type === 'integer' ? 'int' : 'string';
}

/** One derived column per property the ontology declares on some predicate (title, over, as, ordinal, to). */
function declaredPropertyColumns(taken: Set<string>): Column<RelationAttributes>[] {
  const columns: Column<RelationAttributes>[] = [];
  for (const predicate of PREDICATE_NAMES) {
    for (const [name, property] of Object.entries(predicateSpec(predicate).properties ?? {})) {
      if (taken.has(name)) continue;
      taken.add(name);
      const type = propertyColumnType(property);
      const get = (r: RelationAttributes): ColumnValue | undefined =>
        type === 'int' ? integer(r.properties[name]) : text(r.properties[name]);
      columns.push(derived(name, type, `properties.${name}: ${property.description}`, get));
    }
  }
  return columns;
}

const TIME_TEXT_COLUMN = derived<RelationAttributes>('timeText', 'string', TIME_TEXT_DESCRIPTION, (r) => text(r.properties['timeText']));

export const EDGE_COLUMNS: readonly Column<RelationAttributes>[] = [
  ...LOSSLESS_EDGE_COLUMNS,
  TIME_TEXT_COLUMN,
  ...declaredPropertyColumns(new Set([...LOSSLESS_EDGE_COLUMNS, TIME_TEXT_COLUMN].map((c) => c.name))),
];

/**
 * The articles, for the formats that hold them as rows or nodes of their own (CSV's articles.csv, Cypher's
 * `:Article` nodes): with the article's id they give back its record but for the text and its sentence spans,
 * which the JSON, GraphML, Cytoscape and RDF exports carry.
 */
export const ARTICLE_COLUMNS: readonly Column<ArticleRecord>[] = [
  kept('title', 'string', 'The headline.', (a) => a.title),
  kept('published', 'string', 'Publication date (ISO 8601 date or year-month).', (a) => a.published),
  kept('source', 'string', 'The outlet.', (a) => a.source),
  kept('url', 'string', 'Where the article was published (http or https).', (a) => a.url),
];
