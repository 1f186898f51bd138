/**
 * The graph a command works on: a snapshot when --snapshot is given, else built from --data (or the seed).
 */
import { buildGraph, loadSnapshot } from '../build/index.js';
import type { NewsGraph } from '../graph/types.js';
import type { CommandArgs } from './command.js';

export async function graphFrom(args: CommandArgs): Promise<NewsGraph> {
  const snapshot = args.values['snapshot'];
  if (typeof snapshot === 'string') return loadSnapshot(snapshot);
  const data = args.values['data'];
  return buildGraph(typeof data === 'string' ? data : undefined);
}
