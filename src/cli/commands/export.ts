/** `newsgraph export --format FORMAT [-o FILE]`: the graph, or a neighbourhood of it, in a tool's format. */
import { displayPath, writeFileAtomic, writeFolderAtomic } from '../../build/index.js';
import { didYouMean } from '../../didYouMean.js';
import { NewsgraphError } from '../../errors.js';
import { writeChunksAtomic } from '../../build/writeAtomic.js';
import { EXPORT_FORMATS, exportGraphChunks, isExportFormat, type ExportOptions } from '../../export/index.js';
import { GRAPH_SOURCE_OPTIONS, type Command, type CommandIo } from '../command.js';
import { corpusOf, graphFrom } from '../graphSource.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'newsgraph export --format FORMAT [-o FILE] [--focus ID [--depth N]] [--predicate P]...',
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
  },
  corpus: (args) => corpusOf(args),
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

    // Chunks, not one string: an export of a whole corpus can be larger than V8's longest string.
    const result = exportGraphChunks(await graphFrom(args), format, options);
    const output = values['output'];
    if (result.kind === 'files') {
      if (typeof output !== 'string') throw new NewsgraphError('BAD_USER_INPUT', `--format ${format} writes several files: name a folder with -o FOLDER.`);
      // The folder is replaced whole: a reader (or a run killed midway) never sees old and new files mixed.
      await writeFolderAtomic(output, result.files);
      io.out(`${displayPath(output)}: ${Object.keys(result.files).join(', ')}\n`);
      return 0;
    }
    if (result.kind === 'chunks') {
      if (typeof output === 'string') {
        // A temporary sibling, renamed over -o only when the last chunk is written: an error midway leaves nothing.
        const bytes = await writeChunksAtomic(output, result.chunks);
        io.err(`${displayPath(output)}: ${format}, ${bytes} bytes\n`);
      } else {
        await writeToStdout(result.chunks, io);
      }
      return 0;
    }
    if (typeof output === 'string') {
      await writeFileAtomic(output, result.text);
      io.err(`${displayPath(output)}: ${format}, ${Buffer.byteLength(result.text)} bytes\n`);
    } else {
      io.out(result.text);
    }
    return 0;
  },
};

/**
 * Each chunk through `io.out`; when stdout's buffer is full (a slow reader at the other end of a pipe), waits for
 * it to drain before making the next chunk, so memory stays at a few chunks whatever the export's size. A reader
 * that closes the pipe ends the process quietly (bin.ts), so the wait cannot outlive it.
 */
async function writeToStdout(chunks: Iterable<string>, io: CommandIo): Promise<void> {
  for (const chunk of chunks) {
    io.out(chunk);
    if (process.stdout.writableNeedDrain) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

function parseDepth(text: string): number {
  const depth = Number(text);
  if (!Number.isInteger(depth) || depth < 0) throw new NewsgraphError('BAD_USER_INPUT', `--depth must be a whole number of hops (0 or more), not "${text}".`);
  return depth;
}
