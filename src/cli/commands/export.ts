/** `newsgraph export --format FORMAT [-o FILE]`: the graph, or a neighbourhood of it, in a tool's format. */
import { displayPath, writeFileAtomic, writeFolderAtomic } from '../../build/index.js';
import { didYouMean } from '../../didYouMean.js';
import { NewsgraphError } from '../../errors.js';
import { writeChunksAtomic } from '../../build/writeAtomic.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../export/formats.js';
import type { ExportOptions } from '../../export/index.js';
import { GRAPH_SOURCE_OPTIONS, type Command, type CommandIo } from '../command.js';
import { corpusOf, graphFrom } from '../graphSource.js';
import type { ExportToWrite } from './exportStore.js';
import { STORE_OPTION } from './load.js';
import { SELECTION_EXPORT_MB_OPTION, selectionLimitsFrom } from '../storeFlags.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'newsgraph export --format FORMAT [-o FILE] [--focus ID [--depth N]] [--predicate P]... [--data DIR | --snapshot FILE | --store URL [--selection-export-mb N]]',
  summary: `Write the graph as ${EXPORT_FORMATS.join(', ')}; stdout when no -o (csv: -o names a folder).`,
  positionals: 0,
  options: {
    format: { type: 'string', short: 'f', valueName: 'FORMAT', description: `One of ${EXPORT_FORMATS.join(', ')}.` },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: 'Write here (atomically) instead of stdout; for csv, a folder (replaced whole).' },
    focus: { type: 'string', valueName: 'ID', description: "Export only this entity's neighbourhood." },
    depth: { type: 'string', valueName: 'N', description: 'Hops around --focus (default 1).' },
    predicate: { type: 'string', multiple: true, valueName: 'P', description: 'Keep only relations with this predicate (repeatable).' },
    'base-iri': { type: 'string', valueName: 'IRI', description: 'Base IRI of the RDF formats (turtle, ntriples, jsonld).' },
    ...GRAPH_SOURCE_OPTIONS,
    store: { ...STORE_OPTION, description: 'Export from this PostgreSQL database (loaded by `newsgraph load`) instead of building a graph in memory.' },
    'selection-export-mb': SELECTION_EXPORT_MB_OPTION,
  },
  // With --store the graph is PostgreSQL's: nothing is built here.
  corpus: (args) => (args.values['store'] === undefined ? corpusOf(args) : undefined),
  async run(args, io) {
    const { values } = args;
    const format = values['format'];
    if (!isExportFormat(format)) {
      const given = typeof format === 'string' ? `, not "${format}".${didYouMean(format, EXPORT_FORMATS)}` : '.';
      throw new NewsgraphError('UNKNOWN_FORMAT', `--format must be one of ${EXPORT_FORMATS.join(', ')}${given}`);
    }
    const options: ExportOptions = {};
    if (typeof values['focus'] === 'string') options.focus = values['focus'];
    if (typeof values['depth'] === 'string') options.depth = parseDepth(values['depth']);
    const predicates = values['predicate'];
    if (Array.isArray(predicates)) options.predicates = predicates.map(String);
    if (typeof values['base-iri'] === 'string') options.baseIri = values['base-iri'];

    const output = values['output'];
    // Before the graph is built or the database read: at 100,000 articles that is seconds to minutes.
    if (format === 'csv' && output === undefined) throw severalFilesNeedFolder(format);
    const write = (result: ExportToWrite): Promise<void> => writeExport(result, format, typeof output === 'string' ? output : undefined, io);
    const storeUrl = typeof values['store'] === 'string' ? values['store'] : undefined;
    const storeOptions = selectionLimitsFrom(args, storeUrl);
    if (storeUrl !== undefined) {
      if (['data', 'snapshot', 'extends', 'with-package-entities'].some((name) => values[name] !== undefined)) {
        throw new NewsgraphError('BAD_USER_INPUT', '--store exports what `newsgraph load` put in the database: drop --data, --snapshot and the layer options.');
      }
      const { exportFromStore } = await import('./exportStore.js');
      await exportFromStore(storeUrl, format, options, write, storeOptions);
      return 0;
    }
    // Chunks, not one string: an export of a whole corpus can be larger than V8's longest string.
    const [graph, { exportGraphChunks }] = await Promise.all([graphFrom(args), import('../../export/index.js')]);
    await write(exportGraphChunks(graph, format, options));
    return 0;
  },
};

function severalFilesNeedFolder(format: ExportFormat): NewsgraphError {
  return new NewsgraphError('BAD_USER_INPUT', `--format ${format} writes several files: name a folder with -o FOLDER.`);
}

/** Writes an export to `output` (atomically; a folder for csv) or to stdout. */
async function writeExport(result: ExportToWrite, format: ExportFormat, output: string | undefined, io: CommandIo): Promise<void> {
  if (result.kind === 'files' || result.kind === 'streamedFiles') {
    if (output === undefined) throw severalFilesNeedFolder(format);
    const files = result.kind === 'files' ? result.files : Object.fromEntries(result.files.map(({ name, chunks }) => [name, chunks]));
    // The folder is replaced whole: a reader (or a run killed midway) never sees old and new files mixed.
    await writeFolderAtomic(output, files);
    io.out(`${displayPath(output)}: ${Object.keys(files).join(', ')}\n`);
    return;
  }
  if (result.kind === 'chunks') {
    if (output !== undefined) {
      // A temporary sibling, renamed over -o only when the last chunk is written: an error midway leaves nothing.
      const bytes = await writeChunksAtomic(output, result.chunks);
      io.err(`${displayPath(output)}: ${format}, ${bytes} bytes\n`);
    } else {
      await writeToStdout(result.chunks, io);
    }
    return;
  }
  if (output !== undefined) {
    await writeFileAtomic(output, result.text);
    io.err(`${displayPath(output)}: ${format}, ${Buffer.byteLength(result.text)} bytes\n`);
  } else {
    io.out(result.text);
  }
}

/**
 * Each chunk through `io.out`; when stdout's buffer is full (a slow reader at the other end of a pipe), waits for
 * it to drain before making the next chunk, so memory stays at a few chunks whatever the export's size. A reader
 * that closes the pipe ends the process quietly (bin.ts), so the wait cannot outlive it.
 */
async function writeToStdout(chunks: Iterable<string> | AsyncIterable<string>, io: CommandIo): Promise<void> {
  for await (const chunk of chunks) {
    io.out(chunk);
    if (process.stdout.writableNeedDrain) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

function parseDepth(text: string): number {
  const depth = Number(text);
  if (!Number.isInteger(depth) || depth < 0) throw new NewsgraphError('BAD_USER_INPUT', `--depth must be a whole number of hops (0 or more), not "${text}".`);
  return depth;
}
