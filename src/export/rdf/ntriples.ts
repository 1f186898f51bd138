/**
 * N-Triples, in canonical form, one triple a line, prefix-free: as one string (n3's synchronous
 * `quadsToString`) or as chunks of the same text (n3Chunks.ts), for exports too large for one string.
 */
import { Writer, type Quad } from 'n3';
import { n3Chunks } from './n3Chunks.js';

export function quadsToNTriples(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Triples' }).quadsToString([...quads]);
}

/** The text of `quadsToNTriples`, a chunk at a time. */
export function quadsToNTriplesChunks(batches: Iterable<readonly Quad[]>): Generator<string> {
  return n3Chunks(batches, 'N-Triples');
}
