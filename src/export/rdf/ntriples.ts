/**
 * N-Triples, in canonical form, one triple a line: n3's `quadsToString` is synchronous and prefix-free.
 */
import { Writer, type Quad } from 'n3';

export function quadsToNTriples(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Triples' }).quadsToString([...quads]);
}
