/**
 * Exports as a sequence of small pieces of text, read one at a time: what lets the server build any export without
 * holding the event loop (src/api/http/exportBuild.ts reads pieces for at most a few milliseconds, then lets other
 * requests in). A piece is the text of one element (a node, an edge, an article, a line) or PAUSE, which says
 * "work was done, nothing to write yet" (a pass over the graph that writes nothing, such as RDF's first pass or the
 * selection of a subgraph), so that a reader can stop between any two steps. Joined, the pieces are the export's
 * text, byte for byte.
 */

/** A piece with no text: a step of work done, a point where the reader may stop for a while. */
export const PAUSE = '';

/** How many elements a pass that writes nothing handles between two PAUSEs: a fraction of a millisecond. */
export const ELEMENTS_PER_PAUSE = 256;

/**
 * Runs a stepped computation to its end and returns its result: for callers that want the value at once
 * (the library's synchronous exports).
 */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** The whole text of `pieces`. */
export function joinPieces(pieces: Iterable<string>): string {
  const parts: string[] = [];
  for (const piece of pieces) if (piece !== PAUSE) parts.push(piece);
  return parts.join('');
}
