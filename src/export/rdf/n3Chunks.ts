/**
 * n3's Writer, read a piece at a time: the Writer is given a sink that keeps what it writes, and after every
 * batch of quads the kept text is handed out as one chunk. The output is the Writer's own, byte for byte (the
 * same Writer writes the same quads in the same order), but no string ever holds the whole document, so an
 * export larger than V8's longest string (about 512 MB) can still be written to a file or a pipe.
 */
import { Writer, type Quad } from 'n3';

/** Quads per chunk: large enough that chunks are a few hundred kilobytes, small enough to stay far from any limit. */
const QUADS_PER_CHUNK = 2000;

/**
 * The chunks of the quads of `batches` (with `pauses`, also an empty chunk for every empty batch: steps.ts) (read one batch at a time), serialized as `format`. Lazy: nothing is written until the chunks are read, so an
 * error (n3 reporting a failure at the end) surfaces while reading them.
 * @throws Error when n3 reports a failure, or (an invariant) does not finish synchronously.
 */
export function* n3Chunks(
  batches: Iterable<readonly Quad[]>,
  format: 'Turtle' | 'N-Triples',
  prefixes: Readonly<Record<string, string>> = {},
  pauses = false,
): Generator<string> {
  const pending: string[] = [];
  const sink = {
    write(chunk: string, _encoding: string, done?: () => void): void {
      pending.push(chunk);
      if (done) done();
    },
    end(done?: (error: Error | null) => void): void {
      if (done) done(null);
    },
  };
  const writer = new Writer(sink, { format, prefixes: { ...prefixes } });
  const take = (): string => pending.splice(0, pending.length).join('');
  let written = 0;
  for (const batch of batches) {
    // An empty batch is a step of work that wrote nothing (quadStream.ts's first pass): a PAUSE for the reader.
    if (pauses && batch.length === 0) yield '';
    for (const quad of batch) {
      writer.addQuad(quad);
      written += 1;
      if (written % QUADS_PER_CHUNK !== 0) continue;
      const chunk = take();
      if (chunk !== '') yield chunk;
    }
  }
  let ended = false;
  let failure: unknown = null;
  writer.end((error: Error | null) => {
    ended = true;
    failure = error;
  });
  if (failure !== null && failure !== undefined) throw failure;
  if (!ended) throw new Error('Invariant: the n3 Writer did not finish synchronously.');
  const rest = take();
  if (rest !== '') yield rest;
}
