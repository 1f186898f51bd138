/**
 * The RDF exports: Turtle, N-Triples and JSON-LD of one set of quads (see docs/rdf.md for the vocabulary).
 * Synchronous, returning strings, like the other formats of src/export; Turtle, N-Triples and JSON-LD also as chunks of
 * the same text (`…Chunks`), for exports too large for one string. The chunked forms never hold all
 * the quads (quadStream.ts); a bad base IRI or bad data is refused before the first chunk. `storeRdfText` writes
 * the same text from a store's pages (storeQuads.ts).
 */
import type { NewsGraph } from '../../graph/types.js';
import type { CorpusElements } from '../../store/corpusElements.js';
import { gatherLines } from '../chunks.js';
import { PIECE_CHARS } from '../layout.js';
import { RdfIris } from './iris.js';
import { JsonLdText, quadBatchesToJsonLd, quadsToJsonLd } from './jsonld.js';
import { quadsToNTriples, quadsToNTriplesChunks } from './ntriples.js';
import { outputPrefixes } from './prefixes.js';
import { buildQuads, type RdfExportOptions } from './quads.js';
import { streamQuads, streamQuadsInSteps } from './quadStream.js';
import { N3Text, n3Chunks } from './n3Chunks.js';
import { storeQuadBatches } from './storeQuads.js';
import { quadsToTurtle, quadsToTurtleChunks } from './turtle.js';

export type { RdfExportOptions } from './quads.js';

export type RdfFormat = 'turtle' | 'ntriples' | 'jsonld';

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

/** `toTurtle`'s text, a chunk at a time. @throws as `toTurtle` (checked when this is called: quadStream.ts's first pass). */
export function toTurtleChunks(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return quadsToTurtleChunks(streamQuads(graph, options), outputPrefixes(new RdfIris(options.baseIri)));
}

/** `toNTriples`'s text, a chunk at a time. @throws as `toNTriples` (checked when this is called: quadStream.ts's first pass). */
export function toNTriplesChunks(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return quadsToNTriplesChunks(streamQuads(graph, options));
}

/** `toJsonLd`'s text, a chunk at a time. @throws as `toJsonLd` (checked when this is called: quadStream.ts's first pass). */
export function toJsonLdChunks(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return gatherLines(quadBatchesToJsonLd(streamQuads(graph, options), outputPrefixes(new RdfIris(options.baseIri))));
}

/** `toTurtle`'s text in pieces, the first pass over the graph too (steps.ts). @throws as `toTurtle` for a bad base IRI; bad data while read. */
export function turtlePieces(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return n3Chunks(streamQuadsInSteps(graph, options), 'Turtle', outputPrefixes(new RdfIris(options.baseIri)), true);
}

/** `toNTriples`'s text in pieces (steps.ts). @throws as `turtlePieces`. */
export function ntriplesPieces(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return n3Chunks(streamQuadsInSteps(graph, options), 'N-Triples', {}, true);
}

/** `toJsonLd`'s text in pieces (steps.ts). @throws as `turtlePieces`. */
export function jsonLdPieces(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<string> {
  return quadBatchesToJsonLd(streamQuadsInSteps(graph, options), outputPrefixes(new RdfIris(options.baseIri)), true);
}

/**
 * `format`'s text of a store's whole corpus, as `toTurtle`, `toNTriples` or `toJsonLd` write it from the graph, in
 * pieces (a batch's text, or PIECE_CHARS of it; pieces may be empty), read from the store as the pieces are read. The
 * corpus is read once when this is called (storeQuads.ts's first pass), so that an export that cannot be written is
 * refused before its first byte.
 * @throws as storeQuadBatches.
 */
export async function storeRdfText(format: RdfFormat, corpus: CorpusElements, options: RdfExportOptions = {}): Promise<AsyncIterable<string>> {
  const batches = await storeQuadBatches(corpus, options);
  const prefixes = outputPrefixes(new RdfIris(options.baseIri));
  if (format === 'jsonld') {
    return (async function* (): AsyncGenerator<string> {
      const text = new JsonLdText(prefixes);
      for await (const batch of batches) yield text.add(batch);
      yield text.end();
    })();
  }
  return (async function* (): AsyncGenerator<string> {
    const text = format === 'turtle' ? new N3Text('Turtle', prefixes) : new N3Text('N-Triples');
    for await (const batch of batches) {
      for (const quad of batch) {
        text.add(quad);
        // Within a batch too: a head of state's own subject is one batch of 10^5 triples, megabytes of text at once.
        if (text.size >= PIECE_CHARS) yield text.take();
      }
    }
    yield text.end();
  })();
}
