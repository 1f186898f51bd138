/**
 * `GET /export/FORMAT`: the graph, or a focused part of it, in an export format, as a download.
 * Query parameters mirror `newsgraph export`: `focus`, `depth`, `predicate` (repeated or comma-separated),
 * `baseIri`; `ids` (comma-separated, at most MAX_EXPORT_IDS) exports exactly those entities and the relations among
 * them, which is what the explorer has drawn. A list that long does not fit in a URL, so `POST /export/FORMAT` takes
 * the same parameters as an `application/x-www-form-urlencoded` body (within the server's body limit). A format that is several files (csv for neo4j-admin) comes as one zip. With a response cache,
 * an export is built once per snapshot, format and options, then served from memory with an ETag; one too large for
 * the response cache goes to the export cache's file as it is built (exportDiskCache.ts) and is served from there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NewsgraphError } from '../../errors.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat, type ExportOptions } from '../../export/index.js';
import { buildExport, exportWriter, sharedBuild, SpillFailedError, type Spill } from './exportBuild.js';
import { STORE_TEXT_FORMATS, storeWholeExport } from '../../export/layoutStream.js';
import { ZipOfFiles } from './zipOfFiles.js';
import { CorpusReplacedError, type CorpusElements } from '../../store/corpusElements.js';
import type { NewsGraph } from '../../graph/index.js';
import type { Selection } from '../../graph/selection.js';
import { checkSelection, selectsAll } from '../../export/subgraph.js';
import { didYouMean } from '../../didYouMean.js';
import type { CacheScope } from './cachedGraphQL.js';
import { notModified, sendCached, type CachedResponse, type ResponseCache } from './responseCache.js';
import type { ExportDiskCache, StoredExport, StoredExportHead } from './exportDiskCache.js';
import { sendError, statusOf } from './respond.js';
import { ClientGoneError, parseContentType, readBody, refuseGoneClient, refuseTooLarge } from './body.js';
import { LimitError } from '../limitError.js';
import { idleTimerOffUntilAnswered } from './idleWhileWorking.js';
import { answerDrained } from './answerDrained.js';

export const EXPORT_PREFIX = '/export/';

/**
 * Why a server over a store alone refuses an export, and what to do instead: a store that gives neither the corpus
 * in pages (CorpusElementsReader) nor a selection as a graph (SelectionReader), such as one a library user plugs in.
 * PostgresStore gives both.
 */
export const EXPORTS_NEED_GRAPH = `This server answers from a store alone, and its store gives neither the whole corpus a page at a time nor a selection of it as a graph, from which exports are written: run \`newsgraph export\` on the data directory or snapshot, or serve it with --data/--snapshot.`;

/** A database store that reads the part of the graph an export selects into a graph of its own (PostgresStore). */
export interface SelectionReader {
  /** undefined when the selection is the whole graph. */
  selectionGraph(selection: Selection): Promise<NewsGraph | undefined>;
}

function isSelectionReader(store: unknown): store is SelectionReader {
  return typeof (store as Partial<SelectionReader> | undefined)?.selectionGraph === 'function';
}

/**
 * Where an export's graph comes from: the graph the server holds (exportGraphPieces selects the part asked for),
 * or, for a server over a database store alone, the store (which selects it: SelectionReader, CorpusElementsReader).
 */
export type ExportSource = { readonly graph: NewsGraph } | { readonly store: unknown };

/** A database store that gives the whole corpus a page at a time (PostgresStore): what whole-graph exports stream from. */
export interface CorpusElementsReader {
  corpusElements(): Promise<CorpusElements>;
}

function isCorpusElementsReader(store: unknown): store is CorpusElementsReader {
  return typeof (store as Partial<CorpusElementsReader> | undefined)?.corpusElements === 'function';
}

/**
 * An export of the whole graph from a database store, in any format (csv's files as a zip), written a page of rows at a time as the client takes it: flat memory for a corpus of any size. As a
 * selection's, without length or ETag, its status line sent with its first bytes, so that an error before them (no
 * csv array delimiter, found by a first pass over the entities) is answered as one; after them, a cut stream is all
 * that can tell the client (a load replaced the corpus, the database failed).
 */
async function streamWholeExport(store: CorpusElementsReader, format: ExportFormat, options: ExportOptions, method: string, res: ServerResponse): Promise<void> {
  const { type, file } = format === 'csv' ? { type: 'application/zip', file: 'newsgraph-csv.zip' } : { type: `${STORE_TEXT_FORMATS[format].type}; charset=utf-8`, file: `newsgraph.${STORE_TEXT_FORMATS[format].extension}` };
  const start = (): void => {
    if (res.headersSent) return;
    res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', 'content-disposition': `attachment; filename="${file}"` });
  };
  if (method === 'HEAD') {
    start();
    res.end();
    return;
  }
  try {
    const whole = await storeWholeExport(format, await store.corpusElements(), options.baseIri === undefined ? {} : { baseIri: options.baseIri });
    if (whole.kind === 'text') {
      for await (const text of whole.chunks) await send(text);
    } else {
      // fflate hands out the archive's bytes synchronously as text is pushed: they are sent (and drained) per piece.
      let zipped: Uint8Array[] = [];
      const zip = new ZipOfFiles((bytes) => zipped.push(bytes));
      const flush = async (): Promise<void> => {
        const parts = zipped;
        zipped = [];
        for (const part of parts) await send(part);
      };
      for (const { name, chunks } of whole.files) {
        const entry = zip.file(name);
        for await (const text of chunks) {
          entry.push(text);
          await flush();
        }
        entry.end();
        await flush();
      }
      zip.end();
      await flush();
    }
  } catch (error) {
    if (!res.headersSent && error instanceof CorpusReplacedError) {
      // A load committed as the export began (the store's figures were the previous corpus's for a moment).
      sendError(res, 503, 'BUSY', error.message, {}, { 'retry-after': '1' });
      return;
    }
    if (!res.headersSent) throw error; // answered as any other error
    res.destroy();
    if (error instanceof ClientGoneError || error instanceof CorpusReplacedError) return;
    throw error;
  }
  start();
  res.end();

  async function send(bytes: string | Uint8Array): Promise<void> {
    if (res.destroyed) throw new ClientGoneError('aborted');
    start();
    res.write(bytes);
    await answerDrained(res);
  }
}

function exportOptions(search: URLSearchParams): ExportOptions {
  const options: ExportOptions = {};
  const focus = search.get('focus');
  if (focus !== null && focus !== '') options.focus = focus;
  const depth = search.get('depth');
  if (depth !== null && depth !== '') {
    const n = Number(depth);
    if (!Number.isInteger(n) || n < 0) throw new NewsgraphError('BAD_USER_INPUT', `depth must be a whole number ≥ 0, not "${depth}".`);
    options.depth = n;
  }
  const predicates = search.getAll('predicate').flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  if (predicates.length > 0) options.predicates = predicates;
  const baseIri = search.get('baseIri');
  if (baseIri !== null && baseIri.length > MAX_BASE_IRI_CHARS) {
    throw new NewsgraphError('BAD_USER_INPUT', `baseIri has ${baseIri.length} characters, over the limit of ${MAX_BASE_IRI_CHARS}.`);
  }
  if (baseIri !== null && baseIri !== '') options.baseIri = baseIri;
  const ids = search.getAll('ids').flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  if (ids.length > MAX_EXPORT_IDS) {
    throw new NewsgraphError('BAD_USER_INPUT', `ids lists ${ids.length} entities, over the limit of ${MAX_EXPORT_IDS}: export a focus and depth instead.`);
  }
  if (ids.length > 0) options.ids = [...new Set(ids)];
  return options;
}

/**
 * A build's result: a response cache entry; or, too large for it, its file in the export cache, or (with no export
 * cache, or when its file could not be written) the body's parts, kept nowhere.
 */
type MadeExport =
  | { readonly kind: 'entry'; readonly entry: CachedResponse }
  | { readonly kind: 'stored'; readonly disk: ExportDiskCache; readonly entry: StoredExport }
  | { readonly kind: 'parts'; readonly head: StoredExportHead; readonly parts: readonly Buffer[] };

/** Whether the response cache keeps a body of `length` bytes under `key`: not when over half its budget (ResponseCache.set). */
function fitsResponseCache(cache: ResponseCache, key: string, length: number): boolean {
  return length <= responseCacheRoom(cache, key);
}

/** The most bytes of a body the response cache keeps under `key`. */
function responseCacheRoom(cache: ResponseCache, key: string): number {
  return cache.maxBytes / 2 - key.length * 2 - 256;
}

/** Writes a built export that no cache in memory keeps, with the headers a stored one gets (sendCached's). */
function sendParts(req: IncomingMessage, res: ServerResponse, head: StoredExportHead, parts: readonly Buffer[]): void {
  if (notModified(req, head.etag)) {
    res.writeHead(304, { etag: head.etag, 'newsgraph-cache': 'miss' });
    res.end();
    return;
  }
  res.writeHead(200, { ...Object.fromEntries(head.headers), etag: head.etag, 'content-length': head.length, 'newsgraph-cache': 'miss' });
  for (const part of parts) res.write(part);
  res.end();
}

/** Streams an export from the disk cache; a read that fails once the headers are sent can only cut the connection. */
async function sendFromDisk(req: IncomingMessage, res: ServerResponse, disk: ExportDiskCache, entry: StoredExport, state: 'hit' | 'miss' = 'hit'): Promise<void> {
  try {
    await disk.send(req, res, entry, state);
  } catch {
    res.destroy(); // the client went, or the file could not be read: nothing more can be said on this connection
  }
}

function logDiskFailure(error: SpillFailedError): void {
  // Not written to disk (disk full, directory removed): the export is built again in memory and served all the same.
  process.emitWarning(`newsgraph: ${error.message}; building it again in memory`);
}

/** Entities an `ids` list may name: as many as the explorer draws at most. */
export const MAX_EXPORT_IDS = 2_000;

/** Characters of a `baseIri`: it is repeated in every IRI of the export (10 KB made a 22.8 MB answer). */
export const MAX_BASE_IRI_CHARS = 512;

/** Exports of a selection a server over a store writes at once: each holds its selection in memory while it is written. */
export const SELECTION_EXPORTS_AT_ONCE = 2;

/**
 * Exports of the whole graph a server over a store writes at once: each holds a page (about a megabyte) and reads
 * the database for minutes at 100,000 articles, on the connections the questions are answered with.
 */
export const WHOLE_EXPORTS_AT_ONCE = 4;

/** Exports being written from each store, by kind. */
const running = { selection: new WeakMap<object, number>(), whole: new WeakMap<object, number>() };

/** Runs `write` if fewer than `most` exports of its kind are being written from `store`; else answers 503 (retry soon). */
async function withinExportSlots(kind: keyof typeof running, most: number, store: object, res: ServerResponse, write: () => Promise<void>): Promise<void> {
  const counts = running[kind];
  const now = counts.get(store) ?? 0;
  if (now >= most) {
    const what = kind === 'whole' ? 'the whole graph' : 'a selection';
    const why = kind === 'whole' ? 'each reads the database for as long as its download lasts' : 'each holds its selection in memory';
    const message = `This server is writing ${now} exports of ${what} already, the most it writes at once (${why}): try again in a moment.`;
    sendError(res, 503, 'BUSY', message, {}, { 'retry-after': '2' });
    return;
  }
  counts.set(store, now + 1);
  try {
    await write();
  } finally {
    counts.set(store, (counts.get(store) ?? 1) - 1);
  }
}

/**
 * An export of a selection from a database store: the store reads the part selected into a graph of its own
 * (SelectionReader), which is written in slices straight to the client, without Content-Length or ETag and without
 * being kept: the server holds the selection, never the export (a Turtle export of a 39-entity neighbourhood at
 * 100,000 articles is 167 MB). The status line waits for the export's first bytes, so that an error the selection or
 * the format finds (an unknown id, a selection over the store's limits, a bad base IRI) is answered as one.
 */
async function streamSelectionExport(store: SelectionReader, format: ExportFormat, options: ExportOptions, method: string, res: ServerResponse, gone: () => boolean): Promise<void> {
  const graph = await store.selectionGraph(checkSelection(options));
  // The whole graph is answered before this (handleExport): streamed from the store's pages.
  if (graph === undefined) throw new Error('invariant: an export from a store needs a selection');
  const writer = exportWriter(graph, format, options.baseIri === undefined ? {} : { baseIri: options.baseIri }, options.focus);
  const start = (): void => {
    if (res.headersSent) return;
    res.writeHead(200, { 'content-type': writer.type, 'x-content-type-options': 'nosniff', 'content-disposition': `attachment; filename="${writer.file}"` });
  };
  if (method === 'HEAD') {
    start();
    res.end();
    return;
  }
  try {
    await writer.write({ write: (bytes) => (start(), res.write(bytes)), ready: () => answerDrained(res) }, gone);
  } catch (error) {
    if (!res.headersSent) throw error; // answered as any other error
    res.destroy(); // the status line is sent: a broken stream is all that can tell the client
    if (error instanceof ClientGoneError || error instanceof NewsgraphError) return;
    throw error;
  }
  start();
  res.end();
}

/** Answers one request under `/export/`; from `cache` when given (built once per snapshot and options). */
async function handleExport(source: ExportSource, req: IncomingMessage, method: string, res: ServerResponse, url: URL, cache?: CacheScope, disk?: ExportDiskCache): Promise<void> {
  // HEAD gets GET's headers; node:http leaves out the body by itself. POST arrives here with its body's
  // parameters merged into `url` (handleExportRequest).
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    sendError(res, 405, 'BAD_REQUEST', `Use GET (or POST with a form body) for ${url.pathname}.`, {}, { allow: 'GET, HEAD, POST' });
    return;
  }
  let format: string;
  try {
    format = decodeURIComponent(url.pathname.slice(EXPORT_PREFIX.length));
  } catch {
    format = url.pathname.slice(EXPORT_PREFIX.length); // malformed percent-encoding: refused below as unknown
  }
  if (!isExportFormat(format)) {
    const message = `Unknown export format "${format}".${didYouMean(format, EXPORT_FORMATS)} Formats: ${EXPORT_FORMATS.join(', ')}.`;
    sendError(res, 404, 'UNKNOWN_FORMAT', message);
    return;
  }
  try {
    const options = exportOptions(url.searchParams);
    // Between the slices of a build, whether the client has gone (then the build stops: see exportBuild.ts): the
    // response closed before anything was written means the connection was lost.
    let clientGone = false;
    res.once('close', () => (clientGone = !res.writableFinished));
    const gone = (): boolean => clientGone;
    // Nothing is written while an export builds (its length and ETag come at the end), which can take longer than the
    // server's idle timeout: at 10,000 articles a whole-corpus cypher export was cut after 10 s of silence, and built
    // for nobody. The connection's idle timer is off until the answer is written (the build stops if the client goes).
    idleTimerOffUntilAnswered(req, res);
    if ('store' in source) {
      const { store } = source;
      if (selectsAll(checkSelection(options))) {
        if (!isCorpusElementsReader(store)) return sendError(res, 501, 'NOT_IMPLEMENTED', EXPORTS_NEED_GRAPH);
        return await withinExportSlots('whole', WHOLE_EXPORTS_AT_ONCE, store, res, () => streamWholeExport(store, format, options, method, res));
      }
      if (!isSelectionReader(store)) return sendError(res, 501, 'NOT_IMPLEMENTED', EXPORTS_NEED_GRAPH);
      return await withinExportSlots('selection', SELECTION_EXPORTS_AT_ONCE, store, res, () => streamSelectionExport(store, format, options, method, res, gone));
    }
    const { graph } = source;
    if (cache === undefined) {
      const built = await buildExport(graph, format, options, gone);
      // The parts as they are: joining hundreds of megabytes would be one more copy, made in one call.
      res.writeHead(200, {
        'content-type': built.type,
        'content-length': built.length,
        'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename="${built.file}"`,
      });
      for (const part of built.parts) res.write(part);
      res.end();
      return;
    }
    const key = ['export', cache.snapshotId, format, JSON.stringify([options.focus, options.depth, options.predicates, options.baseIri, options.ids])].join('\n');
    const stored = cache.cache.get(key);
    if (stored !== undefined) {
      sendCached(req, res, stored, 'hit');
      return;
    }
    // Too large for the response cache: kept on disk (exportDiskCache.ts), read from there.
    if (disk !== undefined) {
      const onDisk = await disk.get(cache.snapshotId, key).catch(() => undefined); // an unreadable cache is a miss
      if (onDisk !== undefined) return await sendFromDisk(req, res, disk, onDisk);
    }
    const headersOf = (described: { readonly type: string; readonly file: string }): [string, string][] => [
      ['content-type', described.type],
      ['x-content-type-options', 'nosniff'],
      ['content-disposition', `attachment; filename="${described.file}"`],
    ];
    // Past what the response cache keeps, the body goes to its export cache file as it is built, not to memory.
    const spill: Spill | undefined =
      disk === undefined
        ? undefined
        : { afterBytes: responseCacheRoom(cache.cache, key), begin: (described) => disk.begin({ key, snapshotId: cache.snapshotId, headers: headersOf(described) }) };
    const made = await sharedBuild(cache.cache, key, gone, async (abandoned): Promise<MadeExport> => {
      const built = await buildExport(graph, format, options, abandoned, options.focus, spill).catch((error: unknown) => {
        if (!(error instanceof SpillFailedError)) throw error;
        logDiskFailure(error);
        return buildExport(graph, format, options, abandoned);
      });
      if (built.stored !== undefined && disk !== undefined) return { kind: 'stored', disk, entry: built.stored };
      const headers = headersOf(built);
      if (!fitsResponseCache(cache.cache, key, built.length)) {
        return { kind: 'parts', head: { key, snapshotId: cache.snapshotId, etag: built.etag, length: built.length, headers }, parts: built.parts };
      }
      const entry: CachedResponse = { status: 200, headers, body: Buffer.concat(built.parts, built.length), etag: built.etag };
      cache.cache.set(key, entry);
      return { kind: 'entry', entry };
    });
    if (made.kind === 'entry') sendCached(req, res, made.entry, 'miss');
    else if (made.kind === 'parts') sendParts(req, res, made.head, made.parts);
    else await sendFromDisk(req, res, made.disk, made.entry, 'miss');
  } catch (error) {
    if (error instanceof ClientGoneError) return refuseGoneClient(res, error);
    if (!(error instanceof NewsgraphError)) throw error;
    sendError(res, statusOf(error.code), error.code, error.message);
  }
}

/**
 * Any request under `/export/`: a POST's `application/x-www-form-urlencoded` body (at most `maxBodyBytes`) adds its
 * parameters to the query's, so that a long `ids` list need not fit in a URL; other methods go on as GET.
 */
export async function handleExportRequest(
  source: ExportSource,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  maxBodyBytes: number,
  cache?: CacheScope,
  disk?: ExportDiskCache,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'POST') {
    req.resume();
    return handleExport(source, req, method, res, url, cache, disk);
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof ClientGoneError) return refuseGoneClient(res, error);
    if (!(error instanceof LimitError)) throw error;
    return refuseTooLarge(req, res, error);
  }
  const type = parseContentType(req.headers['content-type']);
  if (type?.mediaType !== 'application/x-www-form-urlencoded') {
    sendError(res, 415, 'BAD_REQUEST', `POST the export's parameters as a form body, Content-Type: application/x-www-form-urlencoded (ids=a,b,c&predicate=...).`);
    return;
  }
  const merged = new URL(url.href);
  for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) merged.searchParams.append(name, value);
  return handleExport(source, req, method, res, merged, cache, disk);
}
