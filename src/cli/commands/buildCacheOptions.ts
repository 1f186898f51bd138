/**
 * The build cache and threads on the command line: `--cache DIR`, `--no-cache`, `--threads N`. `newsgraph
 * build` uses the cache by default (the user's cache folder, src/build/buildCache.ts).
 */
import { defaultCacheDir, type BuildOptions } from '../../build/index.js';
import { NewsgraphError } from '../../errors.js';
import type { CommandArgs, OptionSpec } from '../command.js';

export const BUILD_CACHE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  cache: { type: 'string', valueName: 'DIR', description: 'Keep each checked article in this folder to rebuild faster (default: NEWSGRAPH_CACHE_DIR, else ~/.cache/newsgraph).' },
  'no-cache': { type: 'boolean', description: 'Check every article again, and keep nothing.' },
  threads: { type: 'string', valueName: 'N', description: 'Threads that check articles (default: the number of cores, for 500 articles or more to check; 1 for this thread only).' },
};

/** The cache folder and thread count the options ask for. */
export function buildCacheOptionsFrom(args: CommandArgs): Pick<BuildOptions, 'cache' | 'threads'> {
  const { values } = args;
  if (values['no-cache'] === true && typeof values['cache'] === 'string') {
    throw new NewsgraphError('BAD_USER_INPUT', '--cache and --no-cache contradict each other; give one.');
  }
  const cache = values['no-cache'] === true ? undefined : typeof values['cache'] === 'string' ? values['cache'] : defaultCacheDir();
  const threadsText = values['threads'];
  let threads: number | undefined;
  if (typeof threadsText === 'string') {
    threads = Number(threadsText);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
      throw new NewsgraphError('BAD_USER_INPUT', `--threads takes a whole number from 1 to 64, not "${threadsText}".`);
    }
  }
  return { ...(cache !== undefined ? { cache } : {}), ...(threads !== undefined ? { threads } : {}) };
}
