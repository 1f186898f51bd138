/**
 * The graph a command works on: a snapshot when --snapshot is given, else built from --data (or the seed),
 * with progress on stderr when the build takes a while.
 */
import { buildGraph, loadSnapshot } from '../build/index.js';
import type { NewsGraph } from '../graph/types.js';
import { createProgress } from '../progress.js';
import type { CommandArgs } from './command.js';

export async function graphFrom(args: CommandArgs): Promise<NewsGraph> {
  const snapshot = args.values['snapshot'];
  if (typeof snapshot === 'string') return loadSnapshot(snapshot);
  const data = args.values['data'];
  const progress = createProgress('build: stages', 3);
  const graph = await buildGraph(typeof data === 'string' ? data : undefined, { onProgress: (done) => progress.update(done) });
  progress.finish();
  return graph;
}
