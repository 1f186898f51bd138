/**
 * Turtle, written by n3's Writer (which escapes strings and IRIs correctly) with our prefixes. The Writer reports
 * through a callback; with no output stream it calls it before `end()` returns, which is what makes this
 * function synchronous. Errors are carried out of the callback, never thrown inside it: n3 swallows those.
 */
import { Writer, type Quad } from 'n3';

/** @throws Error when n3 reports a failure, or (an invariant) does not finish synchronously. */
export function quadsToTurtle(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const writer = new Writer({ format: 'Turtle', prefixes: { ...prefixes } });
  writer.addQuads([...quads]);
  let output: string | undefined;
  let failure: unknown = null;
  writer.end((error: Error | null, result: unknown) => {
    failure = error;
    if (typeof result === 'string') output = result;
  });
  if (failure !== null && failure !== undefined) throw failure;
  if (output === undefined) throw new Error('Invariant: the n3 Writer did not finish synchronously.');
  return output;
}
