/**
 * The graph a command works on: a snapshot when --snapshot is given, else built from --data (or the seed),
 * layered on the directories --with-package-entities and --extends name, with progress on stderr when the build
 * takes a while.
 */
import { buildGraph, defaultDataDir, loadSnapshot, type BuildOptions } from '../build/index.js';
import { NewsgraphError } from '../errors.js';
import type { NewsGraph } from '../graph/types.js';
import { withProgress } from '../progress.js';
import type { CommandArgs, CorpusInput } from './command.js';

export async function graphFrom(args: CommandArgs): Promise<NewsGraph> {
  const snapshot = args.values['snapshot'];
  const layers = layerOptionsFrom(args);
  if (typeof snapshot === 'string') {
    // Both named: the user expects one of them and would silently get the other.
    if (typeof args.values['data'] === 'string') {
      throw new NewsgraphError('BAD_USER_INPUT', '--data and --snapshot both name a graph: give one (--data DIR builds it, --snapshot FILE loads a built one).');
    }
    if (layers.withPackageEntities || layers.extends) {
      throw new NewsgraphError('BAD_USER_INPUT', '--with-package-entities and --extends apply when building; a snapshot is already built (drop them, or use --data).');
    }
    return loadSnapshot(snapshot);
  }
  const data = args.values['data'];
  return buildWithProgress(typeof data === 'string' ? data : undefined, layers);
}

/** The corpus `graphFrom` reads (a command's `corpus`): the snapshot, else the data directory (`dir`, --data or data/). */
export function corpusOf(args: CommandArgs, dir?: string): CorpusInput {
  const snapshot = args.values['snapshot'];
  if (typeof snapshot === 'string' && dir === undefined) return { kind: 'snapshot', file: snapshot };
  const data = args.values['data'];
  return { kind: 'sources', dir: dir ?? (typeof data === 'string' ? data : defaultDataDir()) };
}

/** Builds `dir` with the build's three stages shown on stderr (see src/progress.ts); the bar is closed even when the build throws. */
export function buildWithProgress(dir: string | undefined, options: BuildOptions): Promise<NewsGraph> {
  return withProgress('build: stages', 3, (onProgress) => buildGraph(dir, { ...options, onProgress }));
}

/** The layering options given on the command line. */
export function layerOptionsFrom(args: CommandArgs): BuildOptions {
  const withPackage = args.values['with-package-entities'] === true;
  const bases = args.values['extends'];
  const list = Array.isArray(bases) ? bases.map(String) : typeof bases === 'string' ? [bases] : [];
  return { ...(withPackage ? { withPackageEntities: true } : {}), ...(list.length > 0 ? { extends: list } : {}) };
}
