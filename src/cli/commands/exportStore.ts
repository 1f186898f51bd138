/**
 * `newsgraph export --store postgres://... --format FORMAT`: an export read from the corpus `newsgraph load` put in
 * PostgreSQL, with no graph built or loaded here. The whole graph streams a page of rows at a time in every format
 * (csv as its files), in flat memory; a selection (`--focus`,
 * `--predicate`) is read into a graph of its own, bounded as the server bounds it (`--selection-export-mb`), and
 * written in any format. The same bytes as `newsgraph export` of the same corpus from its data or snapshot.
 */
import { exportGraphChunks, type ExportChunksResult, type ExportFormat, type ExportOptions } from '../../export/index.js';
import { storeWholeExport, type StreamedFile } from '../../export/layoutStream.js';
import { checkSelection, selectsAll } from '../../export/subgraph.js';
import { PostgresStore, type PostgresStoreOptions } from '../../store/postgres/index.js';
import { keepHeapNearLive } from '../storeHeap.js';

/** An export as exportGraphChunks gives one, or one whose chunks (or files) are read from the database as they are written. */
export type ExportToWrite =
  | ExportChunksResult
  | { kind: 'chunks'; chunks: AsyncIterable<string>; contentType: string; extension: string }
  | { kind: 'streamedFiles'; files: readonly StreamedFile[] };

/**
 * Runs `write` over the export of `options` in `format` from the store at `url`, then closes the store.
 * @throws NewsgraphError BAD_USER_INPUT for what the whole graph's export refuses (storeWholeExport: a bad base IRI,
 *   no csv array delimiter); what the store's selection throws (an unknown focus, a selection over its limits).
 */
export async function exportFromStore(
  url: string,
  format: ExportFormat,
  options: ExportOptions,
  write: (result: ExportToWrite) => Promise<void>,
  storeOptions: Pick<PostgresStoreOptions, 'selectionLimits'> = {},
): Promise<void> {
  const selection = checkSelection(options);
  const whole = selectsAll(selection);
  keepHeapNearLive();
  const store = new PostgresStore({ primary: url, ...storeOptions });
  try {
    if (whole) {
      const exported = await storeWholeExport(format, await store.corpusElements(), options.baseIri === undefined ? {} : { baseIri: options.baseIri });
      if (exported.kind === 'files') {
        await write({ kind: 'streamedFiles', files: exported.files });
      } else {
        await write({ kind: 'chunks', chunks: exported.chunks, contentType: `${exported.type}; charset=utf-8`, extension: exported.extension });
      }
      return;
    }
    const graph = await store.selectionGraph(selection);
    if (graph === undefined) throw new Error('invariant: a selection that is not the whole graph gives a graph');
    // The store has selected the part: the writer takes it whole (as the server's does).
    await write(exportGraphChunks(graph, format, options.baseIri === undefined ? {} : { baseIri: options.baseIri }));
  } finally {
    await store.close();
  }
}
