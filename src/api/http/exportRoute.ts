/**
 * `GET /export/FORMAT`: the graph, or a focused part of it, in an export format, as a download.
 * Query parameters mirror `newsgraph export`: `focus`, `depth`, `predicate` (repeated or comma-separated),
 * `baseIri`. A format that is several files (csv for neo4j-admin) comes as one zip. With a response cache,
 * an export is built once per snapshot, format and options, then served from memory with an ETag.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { NewsgraphError } from '../../errors.js';
import { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportOptions } from '../../export/index.js';
import type { NewsGraph } from '../../graph/index.js';
import { didYouMean } from '../../didYouMean.js';
import type { CacheScope } from './cachedGraphQL.js';
import { etagOf, sendCached } from './responseCache.js';
import { sendBody, sendError, statusOf } from './respond.js';

export const EXPORT_PREFIX = '/export/';

/** A fixed timestamp for zip entries, so that the same graph gives the same bytes. */
const ZIP_TIME = new Date('2025-01-01T00:00:00Z');

/** A file-name-safe form of an id. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
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
  return options;
}

/** Characters of a `baseIri`: it is repeated in every IRI of the export (10 KB made a 22.8 MB answer). */
export const MAX_BASE_IRI_CHARS = 512;

/** The export as bytes with its type and file name. */
function exportBody(graph: NewsGraph, format: Parameters<typeof exportGraph>[1], options: ExportOptions): { body: string | Uint8Array; type: string; file: string } {
  const result = exportGraph(graph, format, options);
  const base = `newsgraph${options.focus === undefined ? '' : `-${safeName(options.focus)}`}`;
  if (result.kind === 'text') return { body: result.text, type: result.contentType, file: `${base}.${result.extension}` };
  const entries = Object.fromEntries(Object.entries(result.files).map(([name, text]) => [name, strToU8(text)]));
  return { body: zipSync(entries, { level: 6, mtime: ZIP_TIME }), type: 'application/zip', file: `${base}-${format}.zip` };
}

/** Answers one request under `/export/`; from `cache` when given (built once per snapshot and options). */
export function handleExport(graph: NewsGraph, method: string, res: ServerResponse, url: URL, cache?: CacheScope & { readonly req: IncomingMessage }): void {
  // HEAD gets GET's headers; node:http leaves out the body by itself.
  if (method !== 'GET' && method !== 'HEAD') {
    sendError(res, 405, 'BAD_REQUEST', `Use GET for ${url.pathname}.`, {}, { allow: 'GET, HEAD' });
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
    if (cache === undefined) {
      const { body, type, file } = exportBody(graph, format, options);
      sendBody(res, body, type, file);
      return;
    }
    const key = ['export', cache.snapshotId, format, JSON.stringify([options.focus, options.depth, options.predicates, options.baseIri])].join('\n');
    const stored = cache.cache.get(key);
    if (stored !== undefined) {
      sendCached(cache.req, res, stored, 'hit');
      return;
    }
    const { body, type, file } = exportBody(graph, format, options);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const headers: [string, string][] = [
      ['content-type', type],
      ['x-content-type-options', 'nosniff'],
      ['content-disposition', `attachment; filename="${file}"`],
    ];
    const entry = { status: 200, headers, body: bytes, etag: etagOf(bytes) };
    cache.cache.set(key, entry);
    sendCached(cache.req, res, entry, 'miss');
  } catch (error) {
    if (!(error instanceof NewsgraphError)) throw error;
    sendError(res, statusOf(error.code), error.code, error.message);
  }
}
