/**
 * n3's Writer, read a piece at a time: the Writer is given a sink that keeps what it writes, and the kept text is
 * handed out as chunks. The output is the Writer's own, byte for byte (the same Writer writes the same quads in the
 * same order), but no string ever holds the whole document, so an export larger than V8's longest string (about
 * 512 MB) can still be written to a file or a pipe.
 */
import { Writer, type Quad } from 'n3';

/** Quads per chunk: large enough that chunks are a few hundred kilobytes, small enough to stay far from any limit. */
const QUADS_PER_CHUNK = 2000;

/**
 * n3's Writer, pushed to: quads are added one at a time, and the text written so far is taken when the caller
 * chooses. What n3Chunks (quads from an iterable) and a store's export (quads from pages read asynchronously,
 * storeQuads.ts) both write with.
 */
export class N3Text {
  private readonly pending: string[] = [];
  private pendingChars = 0;
  private readonly writer: Writer;

  constructor(format: 'Turtle' | 'N-Triples', prefixes: Readonly<Record<string, string>> = {}) {
    const sink = {
      write: (chunk: string, _encoding: string, done?: () => void): void => {
        this.pending.push(chunk);
        this.pendingChars += chunk.length;
        if (done) done();
      },
      end(done?: (error: Error | null) => void): void {
        if (done) done(null);
      },
    };
    this.writer = new Writer(sink, { format, prefixes: { ...prefixes } });
  }

  add(quad: Quad): void {
    this.writer.addQuad(quad);
  }

  /** Characters written and not yet taken. */
  get size(): number {
    return this.pendingChars;
  }

  /** The text written since the last take. */
  take(): string {
    this.pendingChars = 0;
    return this.pending.splice(0, this.pending.length).join('');
  }

  /**
   * Ends the document: the rest of its text.
   * @throws Error when n3 reports a failure, or (an invariant) does not finish synchronously.
   */
  end(): string {
    let ended = false;
    let failure: unknown = null;
    // Errors are carried out of the Writer's callback, never thrown inside it: n3 swallows those.
    this.writer.end((error: Error | null) => {
      ended = true;
      failure = error;
    });
    if (failure !== null && failure !== undefined) throw failure;
    if (!ended) throw new Error('Invariant: the n3 Writer did not finish synchronously.');
    return this.take();
  }
}

/**
 * The chunks of the quads of `batches` (read one batch at a time), serialized as `format`; with `pauses`, also an
 * empty chunk for every empty batch (steps.ts). Lazy: nothing is written until the chunks are read, so an error
 * (n3 reporting a failure at the end) surfaces while reading them.
 * @throws as N3Text's end.
 */
export function* n3Chunks(
  batches: Iterable<readonly Quad[]>,
  format: 'Turtle' | 'N-Triples',
  prefixes: Readonly<Record<string, string>> = {},
  pauses = false,
): Generator<string> {
  const text = new N3Text(format, prefixes);
  let written = 0;
  for (const batch of batches) {
    // An empty batch is a step of work that wrote nothing (quadStream.ts's first pass): a PAUSE for the reader.
    if (pauses && batch.length === 0) yield '';
    for (const quad of batch) {
      text.add(quad);
      written += 1;
      if (written % QUADS_PER_CHUNK !== 0) continue;
      const chunk = text.take();
      if (chunk !== '') yield chunk;
    }
  }
  const rest = text.end();
  if (rest !== '') yield rest;
}
