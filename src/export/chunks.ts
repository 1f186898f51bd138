/**
 * Exports as chunks of text: the formats whose size grows with the corpus (N-Triples, Turtle, Cypher, the
 * GDELT table) are also written a piece at a time, so that no string holds the whole export. A whole corpus in
 * N-Triples passes V8's longest string (about 512 MB) at a few thousand articles; as chunks it never does.
 */

/** About this many UTF-16 code units per chunk: few writes, and a chunk stays small beside the whole. */
const CHUNK_SIZE = 256 * 1024;

/** `lines` (each already ending in its line break, or any small pieces of text) gathered into chunks of about CHUNK_SIZE. Lazy. */
export function* gatherLines(lines: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const line of lines) {
    pending.push(line);
    length += line.length;
    if (length >= CHUNK_SIZE) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** The whole text of `chunks`, for callers that want one string (and exports small enough for one). */
export function joinChunks(chunks: Iterable<string>): string {
  return [...chunks].join('');
}
