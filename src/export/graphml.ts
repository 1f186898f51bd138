/**
 * GraphML for NetworkX, igraph, yEd and Cytoscape. Ours: no maintained JavaScript GraphML writer exists
 * (graphology-graphml only parses).
 *
 * Every attribute has a typed `<key>` (`string`, `int`, `boolean`) with a `<desc>`: the columns of
 * `columns.ts`, plus `label` (the name, or the predicate) for the tools that look for one. `aliases`,
 * `articles`, `properties` and `evidence` are JSON text; the graph's articles (text and sentence spans)
 * are JSON text in the graph-level `articles` key. An absent value has no `<data>`; an empty string has an
 * empty one. Escaping is the table of escape/xml.ts; characters XML 1.0 cannot carry become U+FFFD.
 */
import type { NewsGraph } from '../graph/types.js';
import { EDGE_COLUMNS, hasLongList, listJsonParts, longList, NODE_COLUMNS, type Column, type ColumnType, type ColumnValue } from './columns.js';
import { escapeXml } from './escape/xml.js';
import { joinedPieces, layoutPieces, lines, type ItemText, type Layout } from './layout.js';
import { joinPieces } from './steps.js';

const GRAPHML_TYPE: Readonly<Record<ColumnType, 'string' | 'int' | 'boolean'>> = {
  string: 'string',
  int: 'int',
  boolean: 'boolean',
  'string[]': 'string',
  json: 'string',
};

interface Key {
  readonly id: string;
  readonly for: 'graph' | 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'int' | 'boolean';
  readonly description: string;
}

function keysOf<T>(prefix: 'n' | 'e', columns: readonly Column<T>[]): Key[] {
  return columns.map((c) => ({
    id: `${prefix}_${c.name}`,
    for: prefix === 'n' ? 'node' : 'edge',
    name: c.name,
    type: GRAPHML_TYPE[c.type],
    description: c.description,
  }));
}

const GRAPH_KEYS: readonly Key[] = [
  {
    id: 'g_articles',
    for: 'graph',
    name: 'articles',
    type: 'string',
    description: 'The articles (id, title, published, source, url, text, sentence spans in code points), as a JSON array.',
  },
];
const NODE_LABEL: Key = { id: 'n_label', for: 'node', name: 'label', type: 'string', description: 'The name, for display.' };
const EDGE_LABEL: Key = { id: 'e_label', for: 'edge', name: 'label', type: 'string', description: 'The predicate, for display.' };

function dataText(value: ColumnValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function data(key: string, value: string, indent: string): string {
  return `${indent}<data key="${escapeXml(key)}">${escapeXml(value)}</data>\n`;
}

/** Indentation of an element's `<data>`. */
const DATA_INDENT = '      ';

function columnData<T>(prefix: 'n' | 'e', columns: readonly Column<T>[], element: T): string {
  let out = '';
  for (const column of columns) {
    const value = column.get(element);
    if (value !== undefined) out += data(`${prefix}_${column.name}`, dataText(value), DATA_INDENT);
  }
  return out;
}

/** An element's text: `open`, its columns' `<data>`, `close`; in pieces when a list column is long. */
function elementText<T>(prefix: 'n' | 'e', columns: readonly Column<T>[], element: T, open: string, close: string): ItemText {
  return hasLongList(columns, element) ? joinedPieces(elementParts(prefix, columns, element, open, close)) : open + columnData(prefix, columns, element) + close;
}

/**
 * elementText's text in parts, a long list written an item at a time (listJsonParts): escaping is character by
 * character and a part ends between two items (never within a surrogate pair), so the parts are the text written whole.
 */
function* elementParts<T>(prefix: 'n' | 'e', columns: readonly Column<T>[], element: T, open: string, close: string): Generator<string> {
  yield open;
  for (const column of columns) {
    const list = longList(column, element);
    if (list === undefined) {
      const value = column.get(element);
      if (value !== undefined) yield data(`${prefix}_${column.name}`, dataText(value), DATA_INDENT);
      continue;
    }
    yield `${DATA_INDENT}<data key="${escapeXml(`${prefix}_${column.name}`)}">`;
    for (const part of listJsonParts(list)) yield escapeXml(part);
    yield '</data>\n';
  }
  yield close;
}

function keyElement(key: Key): string {
  return (
    `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}">` +
    `<desc>${escapeXml(key.description)}</desc></key>\n`
  );
}

/** The graph as a GraphML document (UTF-8). */
export function toGraphml(graph: NewsGraph): string {
  return joinPieces(graphmlPieces(graph));
}

/** `toGraphml`'s text, a piece per article, node and edge. */
export const GRAPHML_LAYOUT: Layout = () => {
  const keys = [...GRAPH_KEYS, NODE_LABEL, ...keysOf('n', NODE_COLUMNS), EDGE_LABEL, ...keysOf('e', EDGE_COLUMNS)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys.map(keyElement).join('') +
      '  <graph edgedefault="directed">\n' +
      // graphology-graphml reads graph-level <data> only before the first node. The articles' JSON (their whole text:
      // tens of megabytes for a corpus) is written an article at a time: escaping is character by character and a
      // piece ends between two articles, so the pieces escaped one by one are the whole escaped at once.
      '    <data key="g_articles">[',
    { articles: { item: (article, index) => `${index === 0 ? '' : ','}${escapeXml(JSON.stringify(article) ?? 'null')}`, end: () => ']</data>\n' } },
    {
      nodes: lines(({ node: key, attributes: entity }) =>
        elementText('n', NODE_COLUMNS, entity, `    <node id="${escapeXml(key)}">\n` + data(NODE_LABEL.id, entity.name, DATA_INDENT), '    </node>\n'),
      ),
    },
    {
      edges: lines(({ edge: key, attributes: relation, source, target }) =>
        elementText(
          'e',
          EDGE_COLUMNS,
          relation,
          `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}">\n` + data(EDGE_LABEL.id, relation.predicate, DATA_INDENT),
          '    </edge>\n',
        ),
      ),
    },
    '  </graph>\n</graphml>\n',
  ];
};

/** `toGraphml`'s text, a piece per article, node and edge (lazy; steps.ts). */
export function graphmlPieces(graph: NewsGraph): Generator<string> {
  return layoutPieces(GRAPHML_LAYOUT, graph);
}
