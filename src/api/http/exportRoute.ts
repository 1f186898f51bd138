/**
 * `GET /export/FORMAT`: the graph, or a focused part of it, in an export format, as a download.
 * Query parameters mirror `newsgraph export`: `focus`, `depth`, `predicate` (repeated or comma-separated),
 * `baseIri`. A format that is several files (csv for neo4j-admin) comes as one zip.
 */
import type { ServerResponse } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { NewsgraphError } from '../../errors.js';
import { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportOptions } from '../../export/index.js';
import type { NewsGraph } from '../../graph/index.js';
import { didYouMean } from '../../didYouMean.js';
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

/** Answers one request under `/export/`. */
export function handleExport(graph: NewsGraph, method: string, res: ServerResponse, url: URL): void {
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
    const result = exportGraph(graph, format, options);
    const base = `newsgraph${options.focus === undefined ? '' : `-${safeName(options.focus)}`}`;
    if (result.kind === 'text') {
      sendBody(res, result.text, result.contentType, `${base}.${result.extension}`);
      return;
    }
    const entries = Object.fromEntries(Object.entries(result.files).map(([name, text]) => [name, strToU8(text)]));
    sendBody(res, zipSync(entries, { level: 6, mtime: ZIP_TIME }), 'application/zip', `${base}-${format}.zip`);
  } catch (error) {
    if (!(error instanceof NewsgraphError)) throw error;
    sendError(res, statusOf(error.code), error.code, error.message);
  }
}
