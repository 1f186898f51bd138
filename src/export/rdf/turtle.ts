/**
 * Turtle, written by n3's Writer (which escapes strings and IRIs correctly) with our prefixes. The Writer writes
 * to a sink that hands its text out in chunks (n3Chunks.ts); the string form joins them. Errors are carried out
 * of the Writer's callback, never thrown inside it: n3 swallows those.
 */
import type { Quad } from 'n3';
import { n3Chunks } from './n3Chunks.js';

/** @throws Error when n3 reports a failure, or (an invariant) does not finish synchronously. */
export function quadsToTurtle(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  return [...quadsToTurtleChunks([quads], prefixes)].join('');
}

/** The text of `quadsToTurtle`, a chunk at a time (lazy: errors surface while reading). */
export function quadsToTurtleChunks(batches: Iterable<readonly Quad[]>, prefixes: Readonly<Record<string, string>>): Generator<string> {
  return n3Chunks(batches, 'Turtle', prefixes);
}
