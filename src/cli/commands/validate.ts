/** `newsgraph validate [DATA_DIR]`: every problem of the data, one located line each; exit 1 when any. Through the build cache. */
import { defaultDataDir, displayPath, validateData } from '../../build/index.js';
import { formatDiagnostic } from '../../errors.js';
import { LAYER_OPTIONS, type Command } from '../command.js';
import { corpusOf, layerOptionsFrom } from '../graphSource.js';
import { BUILD_CACHE_OPTIONS, buildCacheOptionsFrom } from './buildCacheOptions.js';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'newsgraph validate [DATA_DIR] [--cache DIR | --no-cache] [--threads N] [--with-package-entities] [--extends DIR]...',
  summary: 'Check every source file; one line per problem as FILE:LINE:COL: message.',
  positionals: 1,
  // The build's cache of per-article checks: validating a corpus after one edit checks that article, not all of them
  // (23 s for 10,000 articles without it), and the problems are the same (tests/build/incremental.test.ts).
  options: { ...LAYER_OPTIONS, ...BUILD_CACHE_OPTIONS },
  corpus: (args) => corpusOf(args, args.positionals[0] ?? defaultDataDir()),
  async run(args, io) {
    const dir = args.positionals[0] ?? defaultDataDir();
    const problems = await validateData(dir, { ...layerOptionsFrom(args), ...buildCacheOptionsFrom(args) });
    if (problems.length === 0) {
      io.out(`${displayPath(dir)}: valid\n`);
      return 0;
    }
    for (const problem of problems) io.err(`${formatDiagnostic(problem)}\n`);
    io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was built.\n`);
    return 1;
  },
};
