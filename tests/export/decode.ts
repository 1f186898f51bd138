/**
 * The documented decoding of the tabular exports (src/export/columns.ts), and the equality the round-trip
 * tests use.
 *
 * Equality: two graphs are equal when they have the same node keys, the same edge keys with the same
 * source and target, and attributes that are equal as JSON values (JSON has no `undefined`: a key set to
 * undefined counts as absent), and equal graph attributes where the format carries them.
 *
 * Decoding a format's element back into attributes: take the lossless columns, parse the JSON-text ones
 * (`properties`, `evidence`, and `aliases`, `articles` where the format has no lists), set `id` to the
 * element's key, and a relation's `subject` and `object` to its source and target. Everything else the
 * reader returns (labels, viz attributes, derived columns) is ignored.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from '../../src/export/columns.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CanonicalGraph {
  attributes?: Json;
  nodes: { key: string; attributes: Json }[];
  edges: { key: string; source: string; target: string; attributes: Json }[];
}

const normalize = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;

/** The graph as sorted JSON values, for `toEqual`. */
export function canonical(graph: AbstractGraph, withGraphAttributes = true): CanonicalGraph {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes: normalize(attributes) }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({ key, source, target, attributes: normalize(attributes) }));
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return withGraphAttributes ? { attributes: normalize(graph.getAttributes()), nodes, edges } : { nodes, edges };
}

const REQUIRED_STRINGS = new Set(['kind', 'name', 'predicate', 'modality', 'origin']);
/** JSON-text columns an element may lack: an event's `history` (absent until a second article reports it). */
const OPTIONAL_JSON = new Set(['history']);

function decodeColumns<T>(columns: readonly Column<T>[], values: Readonly<Record<string, unknown>>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const column of columns) {
    if (!column.lossless) continue;
    const raw = values[column.name];
    switch (column.type) {
      case 'string':
        if (typeof raw === 'string') out[column.name] = raw;
        else if (raw === undefined && REQUIRED_STRINGS.has(column.name)) out[column.name] = '';
        else if (raw !== undefined) throw new Error(`column ${column.name}: expected a string, got ${JSON.stringify(raw)}`);
        break;
      case 'boolean':
        if (typeof raw !== 'boolean') throw new Error(`column ${column.name}: expected a boolean, got ${JSON.stringify(raw)}`);
        out[column.name] = raw;
        break;
      case 'string[]':
        if (Array.isArray(raw)) out[column.name] = raw as string[];
        else if (typeof raw === 'string') out[column.name] = JSON.parse(raw) as Json;
        else out[column.name] = [];
        break;
      case 'json':
        if (raw === undefined && OPTIONAL_JSON.has(column.name)) break;
        if (typeof raw !== 'string') throw new Error(`column ${column.name}: expected JSON text, got ${JSON.stringify(raw)}`);
        out[column.name] = JSON.parse(raw) as Json;
        break;
      case 'int':
        throw new Error(`column ${column.name}: no lossless column is an int`);
    }
  }
  return out;
}

export function decodeEntity(key: string, values: Readonly<Record<string, unknown>>): Json {
  return normalize({ id: key, ...decodeColumns(NODE_COLUMNS, values) });
}

export function decodeRelation(key: string, source: string, target: string, values: Readonly<Record<string, unknown>>): Json {
  return normalize({ id: key, subject: source, object: target, ...decodeColumns(EDGE_COLUMNS, values) });
}

/** A graph read by graphology-gexf or graphology-graphml, decoded into canonical form. */
export function decodeParsedGraph(graph: AbstractGraph<Attributes, Attributes, Attributes>, graphAttributes?: Json): CanonicalGraph {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes: decodeEntity(key, attributes) }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({
    key,
    source,
    target,
    attributes: decodeRelation(key, source, target, attributes),
  }));
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return graphAttributes === undefined ? { nodes, edges } : { attributes: graphAttributes, nodes, edges };
}

const OPTIONAL_STRINGS = new Set(['description', 'wikidata', 'attributedTo', 'time', 'event']);

/**
 * What a reader that cannot tell an empty string from no value (graphology-gexf drops empty values) gives
 * back: optional top-level strings equal to '' become absent.
 */
export function withoutEmptyOptionalStrings(graph: CanonicalGraph): CanonicalGraph {
  const strip = (attributes: Json): Json => {
    if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return attributes;
    return Object.fromEntries(Object.entries(attributes).filter(([k, v]) => !(OPTIONAL_STRINGS.has(k) && v === '')));
  };
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, attributes: strip(n.attributes) })),
    edges: graph.edges.map((e) => ({ ...e, attributes: strip(e.attributes) })),
  };
}
