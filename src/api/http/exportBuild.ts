/**
 * Builds an export for `GET /export/FORMAT` without holding the server. Every format comes as pieces
 * (`exportGraphPieces`, src/export/steps.ts: an element's text, or a PAUSE after a step of a pass that writes
 * nothing, such as the selection of a focus or RDF's first pass), read for at most EXPORT_SLICE_MS at a time, the
 * event loop free between slices: at 10,000 articles the whole-corpus GEXF took 66 s of one uninterrupted call, a
 * focused Turtle export 1.8 s (its first pass), during which no other request (a cached GraphQL answer included) was
 * answered. The bytes are those of `exportGraph`, whole; the ETag's hash is made as the bytes come, a piece of
 * the work per slice too (a 400 MB body hashed at once holds the loop about a second). csv's files are zipped as they
 * come (zipOfFiles.ts, deflating a slice's text at a time).
 * A build whose client has gone stops at the next slice. Concurrent requests for one export share one build
 * (`sharedBuild`), so ten connections asking for it cost one build, not ten.
 */
import { createHash } from 'node:crypto';
import type { ExportFormat, ExportOptions } from '../../export/index.js';
import { exportGraphPieces } from '../../export/pieces.js';
import { PAUSE } from '../../export/steps.js';
import type { NewsGraph } from '../../graph/index.js';
import { ClientGoneError } from './body.js';
import type { ExportFile, StoredExport } from './exportDiskCache.js';
import { ZipOfFiles } from './zipOfFiles.js';

/** The longest stretch an export build holds the event loop before it lets other requests in, by default. */
export const EXPORT_SLICE_MS = 10;

let sliceMs = EXPORT_SLICE_MS;

/**
 * Sets the slice length for this process (EXPORT_SLICE_MS by default). Tests shorten it so that the build of a small
 * fixture takes many slices on any machine: at 10 ms, dot's and gdelt's builds of a 120-article corpus took two or
 * three slices on a quiet machine, and whether a question came in between was a race.
 */
export function setExportSliceMs(ms: number): void {
  sliceMs = ms;
}

/** The slice length in force. */
export function exportSliceMs(): number {
  return sliceMs;
}

/** Characters of text gathered before they are encoded (and, for csv, deflated) as one part. */
const PART_CHARS = 64 * 1024;

export interface BuiltExport {
  /** The body, in the order written; `Buffer.concat(parts)` is the whole (left to the caller: a copy of it all). Empty when `stored`. */
  readonly parts: readonly Buffer[];
  /** The file the body went to instead, when it passed the spill's `afterBytes`. */
  readonly stored?: StoredExport;
  readonly length: number;
  /** A strong validator of the whole body, as responseCache.ts's etagOf makes it. */
  readonly etag: string;
  readonly type: string;
  readonly file: string;
}

/** A file-name-safe form of an id. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Where an export's bytes go, a part at a time. */
export interface ExportSink {
  write(bytes: Uint8Array): void;
  /** Resolves when more may be written (a response's backpressure); asked between slices. */
  ready?(): Promise<void>;
}

/**
 * Reads `pieces` a slice at a time, handing their text to `write` in parts of about PART_CHARS characters; between
 * slices the event loop turns, the sink is let drain, then `abandoned` is asked.
 * @throws ClientGoneError when `abandoned` says yes; whatever reading the pieces throws.
 */
async function readInSlices(pieces: Iterable<string>, abandoned: () => boolean, write: (text: string) => void, ready?: () => Promise<void>): Promise<void> {
  let pending: string[] = [];
  let pendingChars = 0;
  let sliceStarted = performance.now();
  for (const piece of pieces) {
    if (piece !== PAUSE) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= PART_CHARS) {
        write(pending.join(''));
        pending = [];
        pendingChars = 0;
      }
    }
    if (performance.now() - sliceStarted < sliceMs) continue;
    await nextTurn();
    if (ready !== undefined) await ready();
    if (abandoned()) throw new ClientGoneError('aborted');
    sliceStarted = performance.now();
  }
  if (pendingChars > 0) write(pending.join(''));
}

/** An export about to be written: its content type and file name, known before its first byte. */
export interface ExportWriter {
  readonly type: string;
  readonly file: string;
  /**
   * Writes the export to `sink` in slices (asking `abandoned` between them). A format's own errors (a bad base IRI,
   * no csv array delimiter) come before its first byte, since each format's first pass checks the whole graph.
   * @throws ClientGoneError when `abandoned` says yes; NewsgraphError as the format.
   */
  write(sink: ExportSink, abandoned: () => boolean): Promise<void>;
}

/**
 * The writer of `format` for `graph` and `options`; `focus` names the file (a graph selected beforehand, by a
 * store, comes without the options that selected it).
 * @throws NewsgraphError for what is checked before the first piece (focus, depth, predicates, ids) as exportGraph.
 */
export function exportWriter(graph: NewsGraph, format: ExportFormat, options: ExportOptions, focus = options.focus): ExportWriter {
  const result = exportGraphPieces(graph, format, options);
  const base = `newsgraph${focus === undefined ? '' : `-${safeName(focus)}`}`;
  switch (result.kind) {
    case 'text':
      return {
        type: result.contentType,
        file: `${base}.${result.extension}`,
        write: (sink, abandoned) => readInSlices(result.pieces, abandoned, (text) => sink.write(Buffer.from(text, 'utf8')), sink.ready?.bind(sink)),
      };
    case 'files':
      return {
        type: 'application/zip',
        file: `${base}-${format}.zip`,
        async write(sink, abandoned) {
          const zip = new ZipOfFiles((data) => sink.write(data));
          for (const { name, pieces } of result.files) {
            const entry = zip.file(name);
            await readInSlices(pieces, abandoned, (text) => entry.push(text), sink.ready?.bind(sink));
            entry.end();
          }
          zip.end();
        },
      };
    default: {
      const unexpected: never = result;
      throw new Error(`invariant: unexpected export result ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * Where a build's body goes once it has passed `afterBytes`, instead of memory: a file of the export cache
 * (exportDiskCache.ts `begin`), told the export's type and file name.
 */
export interface Spill {
  readonly afterBytes: number;
  begin(described: { readonly type: string; readonly file: string }): Promise<ExportFile>;
}

/** Writing a build's body to its spill file failed (the disk is full, the directory was removed). */
export class SpillFailedError extends Error {
  constructor(cause: unknown) {
    super(`an export could not be written to the export cache: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SpillFailedError';
  }
}

/** Runs a step of the spill, its failure told apart from the build's own. */
async function spilling<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new SpillFailedError(error);
  }
}

/**
 * The export as bytes with its ETag, type and file name, built in slices. `abandoned` is asked between slices; when
 * it says yes the build stops with a ClientGoneError. `focus` names the file, as for exportWriter. With `spill`, a
 * body past `spill.afterBytes` is not held: what is held then goes to the spill's file, and so does the rest as it
 * comes, each slice's parts written before the next slice is read (so a build holds about one slice at a time).
 * @throws NewsgraphError for what is checked before the first piece (focus, depth, predicates, ids) as exportGraph,
 *   and for what the data tells while the pieces are read (base IRI, csv array delimiter); SpillFailedError when
 *   the spill's file could not be written (nothing is left of it).
 */
export async function buildExport(
  graph: NewsGraph,
  format: ExportFormat,
  options: ExportOptions,
  abandoned: () => boolean,
  focus = options.focus,
  spill?: Spill,
): Promise<BuiltExport> {
  const writer = exportWriter(graph, format, options, focus);
  let parts: Buffer[] = [];
  let spilled: ExportFile | undefined;
  const hash = createHash('sha256');
  let length = 0;
  const keep = (bytes: Uint8Array): void => {
    const part = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    hash.update(part);
    length += part.length;
    if (spilled === undefined) parts.push(part);
    else spilled.write(part);
  };
  // Between slices (and once at the end): past afterBytes, the parts held go to the file, and every later one.
  const toFile = async (): Promise<void> => {
    if (spill === undefined) return;
    if (spilled === undefined && length > spill.afterBytes) {
      const file = await spilling(() => spill.begin(writer));
      for (const part of parts) file.write(part);
      parts = [];
      spilled = file;
    }
    const file = spilled;
    if (file !== undefined) await spilling(() => file.drained());
  };
  try {
    await writer.write({ write: keep, ready: toFile }, abandoned);
    await toFile();
  } catch (error) {
    await spilled?.abort();
    throw error;
  }
  const etag = `"${hash.digest('base64url').slice(0, 27)}"`;
  const described = { length, etag, type: writer.type, file: writer.file };
  if (spilled === undefined) return { parts, ...described };
  const file = spilled;
  return { parts: [], ...described, stored: await spilling(() => file.finish(etag, length)) };
}

/** A build in flight and the requests waiting for it (each asked, between slices, whether it has gone). */
interface Flight {
  readonly build: Promise<unknown>;
  readonly askers: Array<() => boolean>;
}

/** Builds in flight, per scope (the response cache of the snapshot served), by cache key. */
const inFlight = new WeakMap<object, Map<string, Flight>>();

/**
 * `build` once for every concurrent request of `key` in `scope`: a later request waits for the build under way and
 * gets its result (for the export route, the cache entry with its ETag: hashed once, not once per request).
 * The build is abandoned only when every request waiting for it has gone.
 */
export function sharedBuild<T>(scope: object, key: string, abandoned: () => boolean, build: (abandoned: () => boolean) => Promise<T>): Promise<T> {
  let flights = inFlight.get(scope);
  if (flights === undefined) {
    flights = new Map();
    inFlight.set(scope, flights);
  }
  const existing = flights.get(key);
  if (existing !== undefined) {
    existing.askers.push(abandoned);
    return existing.build as Promise<T>; // one key, one kind of build: the caller that started it is this caller's code
  }
  const askers = [abandoned];
  const table = flights;
  const promise = build(() => askers.every((gone) => gone())).finally(() => table.delete(key));
  table.set(key, { build: promise, askers });
  return promise;
}
