/**
 * The RDF exports: Turtle, N-Triples and JSON-LD of one set of quads (see docs/rdf.md for the vocabulary).
 * Synchronous, returning strings, like the other formats of src/export.
 */
import type { NewsGraph } from '../../graph/types.js';
import { RdfIris } from './iris.js';
import { quadsToJsonLd } from './jsonld.js';
import { quadsToNTriples } from './ntriples.js';
import { outputPrefixes } from './prefixes.js';
import { buildQuads, type RdfExportOptions } from './quads.js';
import { quadsToTurtle } from './turtle.js';

export type { RdfExportOptions } from './quads.js';

/**
 * The graph as Turtle, with prefixes.
 * @throws NewsgraphError BAD_USER_INPUT when `baseIri` is not an absolute IRI.
 */
export function toTurtle(graph: NewsGraph, options: RdfExportOptions = {}): string {
  return quadsToTurtle(buildQuads(graph, options), outputPrefixes(new RdfIris(options.baseIri)));
}

/**
 * The graph as canonical N-Triples, one triple a line.
 * @throws NewsgraphError BAD_USER_INPUT when `baseIri` is not an absolute IRI.
 */
export function toNTriples(graph: NewsGraph, options: RdfExportOptions = {}): string {
  return quadsToNTriples(buildQuads(graph, options));
}

/**
 * The graph as JSON-LD with its @context inline (no network needed to read it).
 * @throws NewsgraphError BAD_USER_INPUT when `baseIri` is not an absolute IRI.
 */
export function toJsonLd(graph: NewsGraph, options: RdfExportOptions = {}): string {
  return quadsToJsonLd(buildQuads(graph, options), outputPrefixes(new RdfIris(options.baseIri)));
}
