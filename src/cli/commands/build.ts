/** `newsgraph build [DATA_DIR] [-o SNAPSHOT]`: builds and writes the snapshot atomically. */
import { defaultDataDir, displayPath, writeSnapshot } from '../../build/index.js';
import { LAYER_OPTIONS, type Command } from '../command.js';
import { buildWithProgress, layerOptionsFrom } from '../graphSource.js';
import { BUILD_CACHE_OPTIONS, buildCacheOptionsFrom } from './buildCacheOptions.js';

export const DEFAULT_SNAPSHOT = 'build/newsgraph.snapshot';

export const buildCommand: Command = {
  name: 'build',
  usage: 'newsgraph build [DATA_DIR] [-o SNAPSHOT] [--reviewed-only] [--cache DIR | --no-cache] [--threads N] [--with-package-entities] [--extends DIR]...',
  summary: `Build the graph and write a snapshot (default ${DEFAULT_SNAPSHOT}); a failed build leaves the old one whole.`,
  positionals: 1,
  options: {
    output: { type: 'string', short: 'o', valueName: 'SNAPSHOT', description: `Where to write the snapshot (default: ${DEFAULT_SNAPSHOT}).` },
    'reviewed-only': { type: 'boolean', description: 'Leave out drafted facts (still marked "draft:" by newsgraph extract).' },
    ...BUILD_CACHE_OPTIONS,
    ...LAYER_OPTIONS,
  },
  async run(args, io) {
    const { positionals, values } = args;
    const dir = positionals[0] ?? defaultDataDir();
    const output = typeof values['output'] === 'string' ? values['output'] : DEFAULT_SNAPSHOT;
    let counts = '';
    const graph = await buildWithProgress(dir, {
      ...layerOptionsFrom(args),
      ...buildCacheOptionsFrom(args),
      reviewedOnly: values['reviewed-only'] === true,
      onChecked: ({ fromCache, checked, threads }) => {
        counts = ` (${checked} checked${threads > 1 ? ` on ${threads} threads` : ''}${fromCache > 0 ? `, ${fromCache} from the cache` : ''})`;
      },
    });
    await writeSnapshot(graph, output);
    io.out(`${displayPath(output)}: ${graph.order} entities, ${graph.size} relations from ${graph.getAttribute('articles').length} article(s)${counts}\n`);
    return 0;
  },
};
