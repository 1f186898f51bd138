/**
 * Which entities and relations an export holds, whatever its format: for the subgraph tests.
 */
import { CSV_IMPORT_SCRIPT } from '../../../src/export/csv.js';
import { exportGraph, type ExportFormat, type ExportOptions } from '../../../src/export/index.js';
import { DEFAULT_BASE_IRI } from '../../../src/export/rdf/iris.js';
import type { NewsGraph } from '../../../src/graph/types.js';
import { Parser } from 'n3';
import { missingGraphviz, readWithGraphviz } from '../consumers.js';
import { readCsv, scriptDelimiter } from './csv.js';
import { readCypher } from './cypher.js';
import { readCytoscape } from './cytoscape.js';
import { htmlLabelParts } from './dotLabel.js';
import { readGexf, readGraphml } from './graphology.js';

/**
 * The entity ids and relation ids that an export holds, read back by each format's reader (for DOT, the
 * node names Graphviz read and `tail->head:label` for edges; nothing when Graphviz is missing).
 */
export function exportedIds(graph: NewsGraph, format: ExportFormat, options: ExportOptions): { nodes: string[]; edges: string[] } {
  const result = exportGraph(graph, format, options);
  if (result.kind === 'files') {
    const read = readCsv(result.files, scriptDelimiter(result.files[CSV_IMPORT_SCRIPT] ?? ''));
    return { nodes: read.nodes.map((n) => n.key), edges: read.edges.map((e) => e.key) };
  }
  const text = result.text;
  const keys = (read: { nodes: { key: string }[]; edges: { key: string }[] }) => ({
    nodes: read.nodes.map((n) => n.key),
    edges: read.edges.map((e) => e.key),
  });
  switch (format) {
    case 'json': {
      const data = JSON.parse(text) as { nodes: { key: string }[]; edges: { key: string }[] };
      return keys(data);
    }
    case 'gexf':
      return keys(readGexf(text));
    case 'graphml':
      return keys(readGraphml(text));
    case 'cytoscape':
      return keys(readCytoscape(text));
    case 'cypher':
      return keys(readCypher(text));
    case 'csv':
      throw new Error('csv is files');
    case 'gdelt':
      throw new Error('gdelt is an event table, not a graph');
    case 'turtle':
    case 'ntriples':
    case 'jsonld': {
      if (format === 'jsonld') {
        // n3 has no JSON-LD parser (rdflib reads it in rdf.test.ts): expand the node objects' @id by the
        // context's prefixes.
        const document = JSON.parse(text) as { '@context': Record<string, unknown> };
        const context = document['@context'];
        const expand = (id: string): string => {
          const colon = id.indexOf(':');
          const namespace = colon > 0 ? context[id.slice(0, colon)] : undefined;
          return typeof namespace === 'string' ? namespace + id.slice(colon + 1) : id;
        };
        return fromIris([...text.matchAll(/"@id":\s*"([^"]+)"/g)].map((m) => expand(m[1] ?? '')));
      }
      const quads = new Parser({ format: format === 'turtle' ? 'Turtle' : 'N-Triples' }).parse(text);
      return fromIris(quads.flatMap((q) => [q.subject.value, q.object.value]));
    }
    case 'dot': {
      if (missingGraphviz()) return { nodes: [], edges: [] };
      const read = readWithGraphviz(text);
      return { nodes: (read.objects ?? []).map((o) => o.name), edges: (read.edges ?? []).map((e) => `${e.tail}->${e.head}:${htmlLabelParts(e.label ?? '').text}`) };
    }
  }
}

function fromIris(iris: string[]): { nodes: string[]; edges: string[] } {
  const entity = `${DEFAULT_BASE_IRI}entity/`;
  const relation = `${DEFAULT_BASE_IRI}relation/`;
  const ids = (prefix: string): string[] =>
    [...new Set(iris.filter((i) => i.startsWith(prefix) && !i.slice(prefix.length).includes('/')).map((i) => decodeURIComponent(i.slice(prefix.length))))];
  return { nodes: ids(entity), edges: ids(relation) };
}
