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
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type ColumnValue } from './columns.js';
import { xmlSafe } from './escape/xml.js';
import { EDGE_RGB, KIND_LOOK, NEGATED_RGB } from './palette.js';
import { PrettyXml } from './prettyXml.js';
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

const rgb = ([r, g, b]: readonly [number, number, number]): string => `rgb(${r},${g},${b})`;

interface GexfElement {
  readonly label?: string;
  readonly attributes: Record<string, GexfValue>;
  readonly viz: { readonly color: string; readonly shape: string; readonly thickness?: number };
}

function formatNode(_key: string, entity: EntityAttributes): GexfElement {
  // NetworkX reads viz:color only as r, g, b: an `rgb()` colour makes graphology-gexf write those.
  return {
    label: xmlSafe(entity.name),
    attributes: gexfAttributes(NODE_COLUMNS, entity),
    viz: { color: rgb(KIND_LOOK[entity.kind].rgb), shape: KIND_LOOK[entity.kind].gexfShape },
  };
}

function formatEdge(_key: string, relation: RelationAttributes): GexfElement {
  return {
    label: xmlSafe(relation.predicate),
    attributes: gexfAttributes(EDGE_COLUMNS, relation),
    viz: relation.negated ? { color: rgb(NEGATED_RGB), shape: 'dashed', thickness: 1 } : { color: rgb(EDGE_RGB), shape: 'solid', thickness: 1 },
  };
}

/** The graph as a GEXF 1.3 document (UTF-8, pretty-printed). */
export function toGexf(graph: NewsGraph): string {
  return write<EntityAttributes, RelationAttributes, Record<string, GexfValue>, Record<string, GexfValue>>(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (key, entity) => ({ ...formatNode(key, entity) }),
    formatEdge: (key, relation) => ({ ...formatEdge(key, relation) }),
  });
}

// ── The same document, an element at a time ──────────────────────────────────────────────────────────────
// graphology-gexf writes the whole document in one call. For the server (steps.ts) the same bytes come from
// gexfPieces, which does what its writer does: format every element, infer the attribute model (each attribute's
// type, in the order attributes are first met), then write the elements, here one per piece. A graph the
// reproduction does not cover (scalar graph attributes, written as <meta> elements; a mixed graph) is written whole
// by graphology-gexf, as one piece.

type GexfType = 'string' | 'double' | 'long' | 'integer' | 'boolean' | 'empty';

/** graphology-gexf's TYPE_PRIORITIES for scalars: a lower number wins when two elements disagree. */
const TYPE_PRIORITY: Readonly<Record<GexfType, number>> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9, empty: 10 };

function gexfType(value: GexfValue | undefined): GexfType {
  if (value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) return 'empty';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

function addToModel(model: Map<string, GexfType>, attributes: Readonly<Record<string, GexfValue>>): void {
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
  readonly element: GexfElement;
}

function writeElement(xml: PrettyXml, type: 'node' | 'edge', model: ReadonlyMap<string, GexfType>, { key, source, target, element }: Formatted): void {
  xml.start(type).attribute('id', key);
  if (source !== undefined && target !== undefined) xml.attribute('source', source).attribute('target', target);
  if (element.label) xml.attribute('label', element.label);
  if (model.size > 0) {
    xml.start('attvalues');
    for (const name of model.keys()) {
      if (!(name in element.attributes)) continue;
      const value = element.attributes[name];
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

/** `toGexf`'s text, a piece per node and edge, with PAUSEs while the elements are formatted (lazy; steps.ts). */
export function* gexfPieces(graph: NewsGraph): Generator<string> {
  const hasMeta = Object.values(graph.getAttributes()).some((value) => ['string', 'number', 'boolean'].includes(typeof value));
  if (hasMeta || graph.type !== 'directed') {
    yield toGexf(graph);
    return;
  }
  const nodes: Formatted[] = [];
  const nodeModel = new Map<string, GexfType>();
  for (const { node, attributes: entity } of graph.nodeEntries()) {
    const element = formatNode(node, entity);
    addToModel(nodeModel, element.attributes);
    nodes.push({ key: node, element });
    if (nodes.length % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
  }
  const edges: Formatted[] = [];
  const edgeModel = new Map<string, GexfType>();
  for (const { edge, source, target, attributes: relation } of graph.edgeEntries()) {
    const element = formatEdge(edge, relation);
    addToModel(edgeModel, element.attributes);
    edges.push({ key: edge, source, target, element });
    if (edges.length % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
  }
  const xml = new PrettyXml().declaration('1.0', 'UTF-8');
  xml.start('gexf').attribute('version', '1.3').attribute('xmlns', 'http://gexf.net/1.3').attribute('xmlns:viz', 'http://gexf.net/1.3/viz');
  xml.attribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance').attribute('xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
  xml.start('meta').end();
  xml.start('graph').attribute('defaultedgetype', 'directed');
  writeModel(xml, nodeModel, 'node');
  writeModel(xml, edgeModel, 'edge');
  for (const [type, elements, model] of [['node', nodes, nodeModel], ['edge', edges, edgeModel]] as const) {
    xml.start(`${type}s`);
    for (let i = 0; i < elements.length; i++) {
      const formatted = elements[i];
      if (formatted !== undefined) writeElement(xml, type, model, formatted);
      yield xml.take();
    }
    xml.end();
  }
  xml.finish();
  yield xml.take();
}
