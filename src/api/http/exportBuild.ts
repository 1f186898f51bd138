/**
 * Builds an export for `GET /export/FORMAT` without holding the server. The formats that grow with the corpus
 * (STREAMED_FORMATS: turtle, ntriples, jsonld, cypher, gdelt) come from `exportGraphChunks` and are built a slice
 * of at most EXPORT_SLICE_MS at a time, the event loop free between slices: a focused Turtle export at 10,000
 * articles took 5.3 s of one uninterrupted call, during which no other request (a cached GraphQL answer
 * included) was answered. The bytes are those of `exportGraph`, whole, so the answer keeps its length and ETag.
 * A build whose client has gone stops at the next slice. Concurrent requests for one export share one build
 * (`sharedBuild`), so ten connections asking for it cost one build, not ten.
 */
import { strToU8, zipSync } from 'fflate';
import { exportGraphChunks, type ExportFormat, type ExportOptions } from '../../export/index.js';
import type { NewsGraph } from '../../graph/index.js';
import { ClientGoneError } from './body.js';

/** The longest stretch an export build holds the event loop before it lets other requests in. */
export const EXPORT_SLICE_MS = 10;

export interface BuiltExport {
  readonly body: Uint8Array;
  readonly type: string;
  readonly file: string;
}

/** A fixed timestamp for zip entries, so that the same graph gives the same bytes. */
const ZIP_TIME = new Date('2025-01-01T00:00:00Z');

/** A file-name-safe form of an id. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The export as bytes with its type and file name, built in slices. `abandoned` is asked between slices; when it
 * says yes the build stops with a ClientGoneError.
 * @throws NewsgraphError for what is checked before the first chunk (focus, depth, base IRI), as exportGraph.
 */
export async function buildExport(graph: NewsGraph, format: ExportFormat, options: ExportOptions, abandoned: () => boolean): Promise<BuiltExport> {
  const result = exportGraphChunks(graph, format, options);
  const base = `newsgraph${options.focus === undefined ? '' : `-${safeName(options.focus)}`}`;
  switch (result.kind) {
    case 'text':
      return { body: Buffer.from(result.text, 'utf8'), type: result.contentType, file: `${base}.${result.extension}` };
    case 'files': {
      const entries = Object.fromEntries(Object.entries(result.files).map(([name, text]) => [name, strToU8(text)]));
      return { body: zipSync(entries, { level: 6, mtime: ZIP_TIME }), type: 'application/zip', file: `${base}-${format}.zip` };
    }
    case 'chunks': {
      const parts: Buffer[] = [];
      let sliceStarted = performance.now();
      for (const chunk of result.chunks) {
        parts.push(Buffer.from(chunk, 'utf8'));
        if (performance.now() - sliceStarted < EXPORT_SLICE_MS) continue;
        await nextTurn();
        if (abandoned()) throw new ClientGoneError('aborted');
        sliceStarted = performance.now();
      }
      return { body: Buffer.concat(parts), type: result.contentType, file: `${base}.${result.extension}` };
    }
    default: {
      const unexpected: never = result;
      throw new Error(`invariant: unexpected export result ${JSON.stringify(unexpected)}`);
    }
  }
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
