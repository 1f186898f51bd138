/**
 * The export registry: every format by name, and `exportGraph`, which selects the part of the graph asked
 * for (subgraph.ts) and hands it to the format's writer. The CLI (`newsgraph export`) and the HTTP server
 * (`GET /export/FORMAT`) call only this.
 */
import { NewsgraphError } from '../errors.js';
import type { NewsGraph } from '../graph/types.js';
import { toNeo4jCsv } from './csv.js';
import { toCypher, toCypherChunks } from './cypher.js';
import { toCytoscapeJson } from './cytoscape.js';
import { didYouMean } from '../didYouMean.js';
import { toDot } from './dot.js';
import { toGexf } from './gexf.js';
import { toGdeltTsv, toGdeltTsvChunks } from './gdelt.js';
import { toGraphml } from './graphml.js';
import { toGraphologyJson } from './json.js';
import { toJsonLd, toJsonLdChunks, toNTriples, toNTriplesChunks, toTurtle, toTurtleChunks } from './rdf/index.js';
import { selectSubgraph } from './subgraph.js';

import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './formats.js';

export { EXPORT_FORMATS, isExportFormat, type ExportFormat };

export interface ExportOptions {
  /** Export only the neighbourhood of this entity id. */
  focus?: string;
  /** Hops around `focus`. @default 1 */
  depth?: number;
  /** Keep only relations with these predicates (or event role names). */
  predicates?: string[];
  /** Export exactly these entity ids and the relations among them (not with `focus`). */
  ids?: string[];
  /** Base IRI of the RDF formats' own resources. */
  baseIri?: string;
}

/** One text document, or several files (csv: file name → content). */
export type ExportResult =
  | { kind: 'text'; text: string; contentType: string; extension: string }
  | { kind: 'files'; files: Record<string, string> };

/**
 * What `exportGraphChunks` gives: as ExportResult, but the formats that grow with the corpus (STREAMED_FORMATS)
 * come as chunks of their text, read once, lazily: an error can surface while reading them, so a writer must
 * not leave what it wrote before (the CLI writes a temporary file and renames it only when all is written).
 */
export type ExportChunksResult = ExportResult | { kind: 'chunks'; chunks: Iterable<string>; contentType: string; extension: string };

/** The formats that `exportGraphChunks` gives as chunks: as large as the corpus (JSON-LD node by node). */
export const STREAMED_FORMATS = ['cypher', 'turtle', 'ntriples', 'jsonld', 'gdelt'] as const satisfies readonly ExportFormat[];

function text(content: string, contentType: string, extension: string): ExportResult {
  return { kind: 'text', text: content, contentType: `${contentType}; charset=utf-8`, extension };
}

function chunked(chunks: Iterable<string>, contentType: string, extension: string): ExportChunksResult {
  return { kind: 'chunks', chunks, contentType: `${contentType}; charset=utf-8`, extension };
}

export function assertFormat(format: ExportFormat): void {
  if (!isExportFormat(format)) {
    throw new NewsgraphError('UNKNOWN_FORMAT', `Unknown export format "${String(format)}".${didYouMean(String(format), EXPORT_FORMATS)} Formats: ${EXPORT_FORMATS.join(', ')}.`);
  }
}

/**
 * As `exportGraph`, but cypher, turtle, ntriples, jsonld and gdelt come as chunks of the same text, byte for byte, so
 * that an export larger than one string can hold is written a piece at a time. Other formats as `exportGraph`.
 * @throws as `exportGraph`, for everything checked before the first chunk (format, focus, depth, base IRI).
 */
export function exportGraphChunks(graph: NewsGraph, format: ExportFormat, options: ExportOptions = {}): ExportChunksResult {
  assertFormat(format);
  switch (format) {
    case 'cypher':
      return chunked(toCypherChunks(selectSubgraph(graph, options)), 'application/x-cypher-query', 'cypher');
    case 'turtle':
      return chunked(toTurtleChunks(selectSubgraph(graph, options), { baseIri: options.baseIri }), 'text/turtle', 'ttl');
    case 'ntriples':
      return chunked(toNTriplesChunks(selectSubgraph(graph, options), { baseIri: options.baseIri }), 'application/n-triples', 'nt');
    case 'jsonld':
      return chunked(toJsonLdChunks(selectSubgraph(graph, options), { baseIri: options.baseIri }), 'application/ld+json', 'jsonld');
    case 'gdelt':
      return chunked(toGdeltTsvChunks(selectSubgraph(graph, options)), 'text/tab-separated-values', 'tsv');
    default:
      return exportGraph(graph, format, options);
  }
}

/**
 * The graph, or the part of it that `options` selects, in `format`.
 * @throws NewsgraphError UNKNOWN_FORMAT for a format not in EXPORT_FORMATS; NOT_FOUND for an unknown
 *   focus id; BAD_USER_INPUT for a bad depth or predicate.
 */
export function exportGraph(graph: NewsGraph, format: ExportFormat, options: ExportOptions = {}): ExportResult {
  assertFormat(format);
  const selected = selectSubgraph(graph, options);
  const rdf = { baseIri: options.baseIri };
  switch (format) {
    case 'json':
      return text(toGraphologyJson(selected), 'application/json', 'json');
    case 'gexf':
      return text(toGexf(selected), 'application/gexf+xml', 'gexf');
    case 'graphml':
      return text(toGraphml(selected), 'application/graphml+xml', 'graphml');
    case 'cytoscape':
      return text(toCytoscapeJson(selected), 'application/json', 'cyjs');
    case 'csv':
      return { kind: 'files', files: toNeo4jCsv(selected) };
    case 'cypher':
      return text(toCypher(selected), 'application/x-cypher-query', 'cypher');
    case 'turtle':
      return text(toTurtle(selected, rdf), 'text/turtle', 'ttl');
    case 'ntriples':
      return text(toNTriples(selected, rdf), 'application/n-triples', 'nt');
    case 'jsonld':
      return text(toJsonLd(selected, rdf), 'application/ld+json', 'jsonld');
    case 'dot':
      return text(toDot(selected), 'text/vnd.graphviz', 'dot');
    case 'gdelt':
      return text(toGdeltTsv(selected), 'text/tab-separated-values', 'tsv');
    default: {
      const unreachable: never = format;
      throw new NewsgraphError('UNKNOWN_FORMAT', `Unknown export format "${String(unreachable)}".`);
    }
  }
}
