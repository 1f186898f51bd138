/**
 * Every export format as pieces (steps.ts): what the server builds a slice at a time (exportBuild.ts). The selection
 * of the subgraph and each format's passes over the graph are steps too, so that no piece is more than one element's
 * work. Joined, the pieces are `exportGraph`'s text byte for byte (tests/serving/exportEveryFormat.test.ts); csv is
 * its files in exportGraph's order, each in pieces.
 */
import type { NewsGraph } from '../graph/types.js';
import { neo4jCsvPieces, type FilePieces } from './csv.js';
import { cypherLines } from './cypher.js';
import { cytoscapeJsonPieces } from './cytoscape.js';
import { dotPieces } from './dot.js';
import { gdeltLines } from './gdelt.js';
import { gexfPieces } from './gexf.js';
import { graphmlPieces } from './graphml.js';
import { assertFormat, type ExportFormat, type ExportOptions } from './index.js';
import { graphologyJsonPieces } from './json.js';
import { jsonLdPieces, ntriplesPieces, turtlePieces } from './rdf/index.js';
import { PAUSE } from './steps.js';
import { selectSubgraphInSteps } from './subgraph.js';

export type { FilePieces } from './csv.js';

/** An export as pieces: one text, or several files (csv). */
export type ExportPieces =
  | { readonly kind: 'text'; readonly pieces: Iterable<string>; readonly contentType: string; readonly extension: string }
  | { readonly kind: 'files'; readonly files: readonly FilePieces[] };

/** What each format writes, its content type and file extension. */
const TEXT_FORMATS: Readonly<Record<Exclude<ExportFormat, 'csv'>, { write: (graph: NewsGraph, options: ExportOptions) => Iterable<string>; type: string; extension: string }>> = {
  json: { write: (g) => graphologyJsonPieces(g), type: 'application/json', extension: 'json' },
  gexf: { write: (g) => gexfPieces(g), type: 'application/gexf+xml', extension: 'gexf' },
  graphml: { write: (g) => graphmlPieces(g), type: 'application/graphml+xml', extension: 'graphml' },
  cytoscape: { write: (g) => cytoscapeJsonPieces(g), type: 'application/json', extension: 'cyjs' },
  cypher: { write: (g) => cypherLines(g), type: 'application/x-cypher-query', extension: 'cypher' },
  turtle: { write: (g, o) => turtlePieces(g, { baseIri: o.baseIri }), type: 'text/turtle', extension: 'ttl' },
  ntriples: { write: (g, o) => ntriplesPieces(g, { baseIri: o.baseIri }), type: 'application/n-triples', extension: 'nt' },
  jsonld: { write: (g, o) => jsonLdPieces(g, { baseIri: o.baseIri }), type: 'application/ld+json', extension: 'jsonld' },
  dot: { write: (g) => dotPieces(g), type: 'text/vnd.graphviz', extension: 'dot' },
  gdelt: { write: (g) => gdeltLines(g), type: 'text/tab-separated-values', extension: 'tsv' },
};

/**
 * `exportGraph`'s result as pieces, read lazily.
 * @throws NewsgraphError as exportGraph for what is checked when called (format, focus, depth, predicates, ids);
 *   the rest (a bad base IRI, an IRI the data cannot make, no csv array delimiter) while the pieces are read.
 */
export function exportGraphPieces(graph: NewsGraph, format: ExportFormat, options: ExportOptions = {}): ExportPieces {
  assertFormat(format);
  const selection = selectSubgraphInSteps(graph, options);
  if (format === 'csv') {
    let files: readonly FilePieces[] | undefined;
    const selected = function* (): Generator<string, readonly FilePieces[]> {
      files ??= neo4jCsvPieces(yield* selection);
      return files;
    };
    // The selection's steps come first, as the first file's pieces; the other files are read after it.
    const names = neo4jCsvPieces(graph).map((file) => file.name);
    return {
      kind: 'files',
      files: names.map((name, index) => ({
        name,
        pieces: {
          *[Symbol.iterator](): Generator<string> {
            const all = yield* selected();
            const file = all[index];
            if (file !== undefined) yield* file.pieces;
          },
        },
      })),
    };
  }
  const { write, type, extension } = TEXT_FORMATS[format];
  return {
    kind: 'text',
    pieces: (function* (): Generator<string> {
      const selected = yield* selection;
      yield PAUSE;
      yield* write(selected, options);
    })(),
    contentType: `${type}; charset=utf-8`,
    extension,
  };
}
