/**
 * `newsgraph build [DATA_DIR] [-o SNAPSHOT]`: builds and writes the snapshot atomically. With the build cache,
 * an edit to one article patches the snapshot the last build wrote (src/build/incrementalBuild.ts); anything
 * else is built in full, and the output says which and why.
 */
import { buildSnapshot, defaultDataDir, displayPath, type SnapshotBuild } from '../../build/index.js';
import { withProgress } from '../../progress.js';
import { LAYER_OPTIONS, type Command } from '../command.js';
import { corpusOf, layerOptionsFrom } from '../graphSource.js';
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
  corpus: (args) => corpusOf(args, args.positionals[0] ?? defaultDataDir()),
  async run(args, io) {
    const { positionals, values } = args;
    const dir = positionals[0] ?? defaultDataDir();
    const output = typeof values['output'] === 'string' ? values['output'] : DEFAULT_SNAPSHOT;
    let counts = '';
    const built = await withProgress('build: stages', 3, (onProgress) =>
      buildSnapshot(dir, output, {
        ...layerOptionsFrom(args),
        ...buildCacheOptionsFrom(args),
        reviewedOnly: values['reviewed-only'] === true,
        onProgress,
        onChecked: ({ fromCache, checked, threads }) => {
          counts = ` (${checked} checked${threads > 1 ? ` on ${threads} threads` : ''}${fromCache > 0 ? `, ${fromCache} from the cache` : ''})`;
        },
      }),
    );
    io.out(`${displayPath(output)}: ${built.nodes} entities, ${built.edges} relations from ${built.articles} article(s)${howMade(built, counts)}\n`);
    // An empty graph from articles that state facts reads as a failure; after a fresh `extract`, it is the review to come.
    if (values['reviewed-only'] === true && built.edges === 0 && built.articles > 0) {
      io.out('no reviewed fact in these articles: a fact drafted by newsgraph extract counts once its "draft:" mark is deleted (newsgraph show ARTICLE_ID lists the facts); then build again.\n');
    }
    return 0;
  },
};

/** How `newsgraph build` names the change it patched the snapshot for. */
const PATCHED_CHANGE: Readonly<Record<Extract<SnapshotBuild, { how: 'patched' }>['change'], string>> = { edited: 'an edit of', added: 'adding', deleted: 'deleting' };

function howMade(built: SnapshotBuild, counts: string): string {
  switch (built.how) {
    case 'patched':
      return ` (patched after ${PATCHED_CHANGE[built.change]} ${built.article})`;
    case 'unchanged':
      return ' (unchanged: no source file changed since the last build)';
    case 'full':
      return `${counts}${built.reason === 'no index of a previous build' || built.reason === 'no build cache' ? '' : `; full build: ${built.reason}`}`;
    default: {
      const unreachable: never = built;
      throw new Error(`unknown build ${String(unreachable)}`);
    }
  }
}
