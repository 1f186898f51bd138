/**
 * graphology's own serialization (`graph.export()`), which graphology, sigma and Gephi Lite load as it is:
 * `MultiDirectedGraph.from(JSON.parse(text))` gives back an equal graph (same keys, endpoints and
 * attributes; JSON has no `undefined`, so an attribute set to undefined reads back as absent).
 */
import type { NewsGraph } from '../graph/types.js';
import { arrayMembers, jsonArrayPieces, jsonObjectPieces, wholeMember, type JsonMember } from './indentedJson.js';

/** The graph as graphology's serialized JSON, indented, with a final newline. */
export function toGraphologyJson(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

/**
 * `toGraphologyJson`'s text a piece per node and edge (and per article of the graph attributes), without making
 * `graph.export()`'s copy of the whole graph: a node is `{ key, attributes }` and an edge `{ key, source, target,
 * attributes }`, `attributes` left out when empty, as graphology's serializeNode and serializeEdge write them
 * (a directed graph's edges carry no `undirected`).
 */
export function* graphologyJsonPieces(graph: NewsGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const members: JsonMember[] = [
    wholeMember('options', options),
    ['attributes', (indent) => jsonObjectPieces(arrayMembers(graph.getAttributes()), indent)],
    ['nodes', (indent) => jsonArrayPieces(mapIterable(graph.nodeEntries(), ({ node, attributes }) => serialized({ key: node }, attributes, graph.type)), indent)],
    [
      'edges',
      (indent) =>
        jsonArrayPieces(
          mapIterable(graph.edgeEntries(), ({ edge, source, target, attributes, undirected }) =>
            serialized({ key: edge, source, target }, attributes, graph.type, undirected),
          ),
          indent,
        ),
    ],
  ];
  yield* jsonObjectPieces(members, '');
  yield '\n';
}

function serialized(head: Record<string, string>, attributes: object, type: string, undirected = false): Record<string, unknown> {
  const out: Record<string, unknown> = { ...head };
  if (Object.keys(attributes).length > 0) out['attributes'] = attributes;
  if (type === 'mixed' && undirected) out['undirected'] = true;
  return out;
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
