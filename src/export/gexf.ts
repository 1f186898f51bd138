/**
 * GEXF 1.3 for Gephi, written by graphology-gexf's writer with our own formatters.
 *
 * What a reader gets back, and how to decode it:
 * - node id = entity id; edge id = relation id; source and target = subject and object.
 * - typed attributes declared in `<attributes>`: the columns of `columns.ts` (`string`, `integer`,
 *   `boolean`). `aliases`, `articles`, `properties` and `evidence` are JSON text in `string` attributes, on
 *   purpose: GEXF 1.3 list types cannot hold objects, NetworkX reads no list type, and graphology-gexf's
 *   default formatter would write `[object Object]`. JSON.parse gives them back exactly.
 * - node `label` is the name and edge `label` the predicate; `viz:color`, `viz:shape` (kind on nodes;
 *   `dashed` on negated edges) and `viz:thickness` are for drawing only. A reader ignores all of these.
 * - graphology-gexf writes no value for an empty string: a missing string attribute reads as `""` when
 *   the attribute is required (name, predicate, …) and as absent when it is optional (description, …).
 * - characters XML 1.0 cannot carry become U+FFFD (escape/xml.ts).
 * - an event's `history` is JSON text in its `history` attribute, as in the other tabular formats.
 * - the graph's articles (title, date, source, url, text) are not written: GEXF's `<meta>` holds only
 *   scalar text and GEXF has no graph attributes. The JSON, GraphML and Cytoscape exports carry them.
 */
import { write } from 'graphology-gexf';
import type { EntityAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { EDGE_COLUMNS, hasLongList, listJsonParts, longList, NODE_COLUMNS, type Column, type ColumnValue } from './columns.js';
import { xmlSafe } from './escape/xml.js';
import { EDGE_RGB, KIND_LOOK, NEGATED_RGB } from './palette.js';
import { PrettyXml } from './prettyXml.js';
import { graphHead, layoutPieces, type ItemText, type Layout, type LayoutPart } from './layout.js';
import type { CorpusHead, EdgeElement, NodeElement } from '../store/corpusElements.js';
import { ELEMENTS_PER_PAUSE, PAUSE } from './steps.js';

type GexfValue = string | number | boolean;

function gexfValue(value: ColumnValue): GexfValue {
  if (typeof value === 'string') return xmlSafe(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // string[] columns: JSON text (see the title comment).
  return xmlSafe(JSON.stringify(value));
}

function gexfAttributes<T>(columns: readonly Column<T>[], element: T): Record<string, GexfValue> {
  const out: Record<string, GexfValue> = {};
  for (const column of columns) {
    const value = column.get(element);
    if (value !== undefined) out[column.name] = gexfValue(value);
  }
  return out;
}

/**
 * A list column's value kept as its list, for a list long enough to be written an item at a time (columns.ts
 * longList): its text is the list's JSON text, made XML-safe, which writeElement writes a part at a time.
 */
class LongList {
  constructor(readonly items: readonly unknown[]) {}
}

type LaidOutValue = GexfValue | LongList;

/** gexfAttributes, but a long list is kept as a LongList: the layout's elements (gexfLayout, GexfModels). */
function laidOutAttributes<T>(columns: readonly Column<T>[], element: T): Record<string, LaidOutValue> {
  const out: Record<string, LaidOutValue> = {};
  for (const column of columns) {
    const list = longList(column, element);
    if (list !== undefined) {
      out[column.name] = new LongList(list);
      continue;
    }
    const value = column.get(element);
    if (value !== undefined) out[column.name] = gexfValue(value);
  }
  return out;
}

const rgb = ([r, g, b]: readonly [number, number, number]): string => `rgb(${r},${g},${b})`;

interface GexfElement<V = GexfValue> {
  readonly label?: string;
  readonly attributes: Record<string, V>;
  readonly viz: { readonly color: string; readonly shape: string; readonly thickness?: number };
}

function formatNode<V>(entity: EntityAttributes, attributesOf: (columns: readonly Column<EntityAttributes>[], entity: EntityAttributes) => Record<string, V>): GexfElement<V> {
  // NetworkX reads viz:color only as r, g, b: an `rgb()` colour makes graphology-gexf write those.
  return {
    label: xmlSafe(entity.name),
    attributes: attributesOf(NODE_COLUMNS, entity),
    viz: { color: rgb(KIND_LOOK[entity.kind].rgb), shape: KIND_LOOK[entity.kind].gexfShape },
  };
}

function formatEdge<V>(relation: RelationAttributes, attributesOf: (columns: readonly Column<RelationAttributes>[], relation: RelationAttributes) => Record<string, V>): GexfElement<V> {
  return {
    label: xmlSafe(relation.predicate),
    attributes: attributesOf(EDGE_COLUMNS, relation),
    viz: relation.negated ? { color: rgb(NEGATED_RGB), shape: 'dashed', thickness: 1 } : { color: rgb(EDGE_RGB), shape: 'solid', thickness: 1 },
  };
}

/** The graph as a GEXF 1.3 document (UTF-8, pretty-printed). */
export function toGexf(graph: NewsGraph): string {
  return write<EntityAttributes, RelationAttributes, Record<string, GexfValue>, Record<string, GexfValue>>(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, entity) => ({ ...formatNode(entity, gexfAttributes) }),
    formatEdge: (_key, relation) => ({ ...formatEdge(relation, gexfAttributes) }),
  });
}

// ── The same document, an element at a time ──────────────────────────────────────────────────────────────
// graphology-gexf writes the whole document in one call. For the server (steps.ts) and for a store's pages
// (layoutStream.ts) the same bytes come from gexfLayout, which does what its writer does: format every element, infer
// the attribute model (each attribute's type, in the order attributes are first met: GexfModels, a first pass), then
// write the elements, one per piece. A graph the reproduction does not cover (scalar graph attributes, written as
// <meta> elements; a mixed graph) is written whole by graphology-gexf, as one piece, from memory only.

type GexfType = 'string' | 'double' | 'long' | 'integer' | 'boolean' | 'empty';

/** graphology-gexf's TYPE_PRIORITIES for scalars: a lower number wins when two elements disagree. */
const TYPE_PRIORITY: Readonly<Record<GexfType, number>> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9, empty: 10 };

function gexfType(value: LaidOutValue | undefined): GexfType {
  if (value instanceof LongList) return 'string'; // its JSON text, never empty
  if (value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) return 'empty';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

function addToModel(model: Map<string, GexfType>, attributes: Readonly<Record<string, LaidOutValue>>): void {
  for (const name in attributes) {
    const type = gexfType(attributes[name]);
    if (type === 'empty') continue;
    const current = model.get(name);
    if (current === undefined || (type !== current && TYPE_PRIORITY[type] < TYPE_PRIORITY[current])) model.set(name, type);
  }
}

/** graphology-gexf's CSSColorToRGBA for the `rgb(r,g,b)` colours of palette.ts. */
function rgbChannels(color: string): [string, number][] {
  const match = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/i.exec(color);
  if (match === null) return [];
  const channels: [string, number][] = [['r', Number(match[1])], ['g', Number(match[2])], ['b', Number(match[3])]];
  if (match[4]) channels.push(['a', Number(match[4])]);
  return channels;
}

function writeModel(xml: PrettyXml, model: ReadonlyMap<string, GexfType>, modelClass: 'node' | 'edge'): void {
  if (model.size === 0) return;
  xml.start('attributes').attribute('class', modelClass);
  for (const [name, type] of model) xml.start('attribute').attribute('id', name).attribute('title', name).attribute('type', type).end();
  xml.end();
}

interface Formatted {
  readonly key: string;
  readonly source?: string;
  readonly target?: string;
  readonly element: GexfElement<LaidOutValue>;
}

/**
 * Writes the element into `xml`; a long list's value is written a part at a time, the text so far handed out every
 * PIECE_CHARS or so (yielded). An element without a long list yields nothing.
 */
function* writeElement(xml: PrettyXml, type: 'node' | 'edge', model: ReadonlyMap<string, GexfType>, { key, source, target, element }: Formatted): Generator<string> {
  xml.start(type).attribute('id', key);
  if (source !== undefined && target !== undefined) xml.attribute('source', source).attribute('target', target);
  if (element.label) xml.attribute('label', element.label);
  if (model.size > 0) {
    xml.start('attvalues');
    for (const name of model.keys()) {
      if (!(name in element.attributes)) continue;
      const value = element.attributes[name];
      if (value instanceof LongList) {
        xml.start('attvalue').attribute('for', name);
        // xmlSafe part by part: a part ends between two items, never within a surrogate pair.
        yield* xml.attributeInParts('value', mapIterable(listJsonParts(value.items), xmlSafe));
        xml.end();
        continue;
      }
      if (gexfType(value) === 'empty') continue;
      xml.start('attvalue').attribute('for', name).attribute('value', String(value)).end();
    }
    xml.end();
  }
  const { color, shape, thickness } = element.viz;
  if (color) {
    xml.start('viz:color');
    for (const [channel, amount] of rgbChannels(color)) xml.attribute(channel, amount);
    xml.end();
  }
  if (shape) xml.start('viz:shape').attribute('value', shape).end();
  if (thickness !== undefined) xml.start('viz:thickness').attribute('value', thickness).end();
  xml.end();
}

/**
 * The attribute models of a graph's nodes and edges (each attribute's type, in the order attributes are first met),
 * gathered an element at a time: over a graph in memory or over a store's pages, holding nothing of the elements.
 */
export class GexfModels {
  readonly nodes = new Map<string, GexfType>();
  readonly edges = new Map<string, GexfType>();

  addNode({ attributes }: NodeElement): void {
    addToModel(this.nodes, formatNode(attributes, laidOutAttributes).attributes);
  }

  addEdge({ attributes }: EdgeElement): void {
    addToModel(this.edges, formatEdge(attributes, laidOutAttributes).attributes);
  }
}

/**
 * The element's text: one string, or, with a long list (`long`: columns.ts hasLongList), its pieces, made as they are
 * read. The writer is shared by the whole document: the drivers read an element's pieces to the end before they ask
 * for the next element.
 */
function elementText(xml: PrettyXml, type: 'node' | 'edge', model: ReadonlyMap<string, GexfType>, formatted: Formatted, long: boolean): ItemText {
  const steps = writeElement(xml, type, model, formatted);
  if (!long) {
    steps.next(); // runs it to the end: without a long list it yields nothing
    return xml.take();
  }
  return (function* (): Generator<string> {
    yield* steps;
    yield xml.take();
  })();
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/**
 * Whether gexfLayout writes this graph as graphology-gexf does: not a graph with scalar attributes (graphology-gexf
 * writes them as <meta> elements) or other than directed. Corpora are always directed, with only their articles.
 */
export function gexfLaysOut(head: CorpusHead): boolean {
  return head.options.type === 'directed' && !head.attributes.some(([, value]) => ['string', 'number', 'boolean'].includes(typeof value));
}

/** The GEXF document as a layout (layout.ts), given the models of all its elements (GexfModels: a first pass). */
export function gexfLayout(models: GexfModels): Layout {
  return function* (): Generator<LayoutPart> {
    // One writer for the whole document, its elements written in order: the layout's parts are read in order, each
    // section to its end before the next part is asked for (layout.ts), so the writer's nesting stays right.
    const xml = new PrettyXml().declaration('1.0', 'UTF-8');
    xml.start('gexf').attribute('version', '1.3').attribute('xmlns', 'http://gexf.net/1.3').attribute('xmlns:viz', 'http://gexf.net/1.3/viz');
    xml.attribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').attribute('xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
    xml.start('meta').end();
    xml.start('graph').attribute('defaultedgetype', 'directed');
    writeModel(xml, models.nodes, 'node');
    writeModel(xml, models.edges, 'edge');
    xml.start('nodes');
    yield xml.take();
    yield {
      nodes: {
        item: ({ node, attributes }) => elementText(xml, 'node', models.nodes, { key: node, element: formatNode(attributes, laidOutAttributes) }, hasLongList(NODE_COLUMNS, attributes)),
        end: () => xml.end().take(),
      },
    };
    xml.start('edges');
    yield xml.take();
    yield {
      edges: {
        item: ({ edge, source, target, attributes }) =>
          elementText(xml, 'edge', models.edges, { key: edge, source, target, element: formatEdge(attributes, laidOutAttributes) }, hasLongList(EDGE_COLUMNS, attributes)),
        end: () => xml.end().take(),
      },
    };
    yield xml.finish().take();
  };
}

/**
 * `toGexf`'s text, a piece per node and edge, after a first pass (with PAUSEs) that finds the attribute models
 * (lazy; steps.ts). The elements are formatted twice rather than kept between the passes.
 */
export function* gexfPieces(graph: NewsGraph): Generator<string> {
  if (!gexfLaysOut(graphHead(graph))) {
    yield toGexf(graph);
    return;
  }
  const models = new GexfModels();
  let seen = 0;
  for (const node of graph.nodeEntries()) {
    models.addNode(node);
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
  }
  for (const edge of graph.edgeEntries()) {
    models.addEdge(edge);
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
  }
  yield* layoutPieces(gexfLayout(models), graph);
}
