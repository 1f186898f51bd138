/** `newsgraph build [DATA_DIR] [-o SNAPSHOT]`: builds and writes the snapshot atomically. */
import { defaultDataDir, displayPath, writeSnapshot } from '../../build/index.js';
import { LAYER_OPTIONS, type Command } from '../command.js';
import { buildWithProgress, layerOptionsFrom } from '../graphSource.js';

export const DEFAULT_SNAPSHOT = 'build/newsgraph.snapshot';

export const buildCommand: Command = {
  name: 'build',
  usage: 'newsgraph build [DATA_DIR] [-o SNAPSHOT] [--reviewed-only] [--with-package-entities] [--extends DIR]...',
  summary: `Build the graph and write a snapshot (default ${DEFAULT_SNAPSHOT}); a failed build leaves the old one whole.`,
  positionals: 1,
  options: {
    output: { type: 'string', short: 'o', valueName: 'SNAPSHOT', description: `Where to write the snapshot (default: ${DEFAULT_SNAPSHOT}).` },
    'reviewed-only': { type: 'boolean', description: 'Leave out drafted facts (still marked "draft:" by newsgraph extract).' },
    ...LAYER_OPTIONS,
  },
  async run(args, io) {
    const { positionals, values } = args;
    const dir = positionals[0] ?? defaultDataDir();
    const output = typeof values['output'] === 'string' ? values['output'] : DEFAULT_SNAPSHOT;
    const graph = await buildWithProgress(dir, { ...layerOptionsFrom(args), reviewedOnly: values['reviewed-only'] === true });
    await writeSnapshot(graph, output);
    io.out(`${displayPath(output)}: ${graph.order} entities, ${graph.size} relations from ${graph.getAttribute('articles').length} article(s)\n`);
    return 0;
  },
};
