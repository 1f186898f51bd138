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

/** The graph as a GEXF 1.3 document (UTF-8, pretty-printed). */
export function toGexf(graph: NewsGraph): string {
  return write<EntityAttributes, RelationAttributes, Record<string, GexfValue>, Record<string, GexfValue>>(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, entity) => ({
      label: xmlSafe(entity.name),
      attributes: gexfAttributes(NODE_COLUMNS, entity),
      // NetworkX reads viz:color only as r, g, b: an `rgb()` colour makes graphology-gexf write those.
      viz: { color: rgb(KIND_LOOK[entity.kind].rgb), shape: KIND_LOOK[entity.kind].gexfShape },
    }),
    formatEdge: (_key, relation) => ({
      label: xmlSafe(relation.predicate),
      attributes: gexfAttributes(EDGE_COLUMNS, relation),
      viz: relation.negated
        ? { color: rgb(NEGATED_RGB), shape: 'dashed', thickness: 1 }
        : { color: rgb(EDGE_RGB), shape: 'solid', thickness: 1 },
    }),
  });
}
