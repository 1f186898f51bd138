/**
 * Snapshots: the built graph as graphology's own JSON serialization (nodes, edges, attributes, the
 * articles' text), written atomically and byte-identical for the same input.
 */
import { readFile } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { NewsgraphError } from '../errors.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { displayPath } from './paths.js';
import { writeFileAtomic } from './writeAtomic.js';

type SerializedNewsGraph = SerializedGraph<EntityAttributes, RelationAttributes, GraphAttributes>;

/** The snapshot text: deterministic, since the graph's insertion order and attribute order are. */
export function serializeGraph(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

export async function writeSnapshot(graph: NewsGraph, file: string): Promise<void> {
  await writeFileAtomic(file, serializeGraph(graph));
}

/** @throws {NewsgraphError} SNAPSHOT_INVALID when the file is not a newsgraph snapshot. */
export async function loadSnapshot(file: string): Promise<NewsGraph> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new NewsgraphError('SNAPSHOT_INVALID', `${displayPath(file)}: cannot read the snapshot: ${(error as Error).message}. Write one with "newsgraph build -o ${displayPath(file)}".`, { cause: error });
  }
  if (!isSerializedNewsGraph(data)) {
    throw new NewsgraphError('SNAPSHOT_INVALID', `${displayPath(file)}: not a newsgraph snapshot (expected graphology JSON with nodes, edges and the articles). Rebuild it with "newsgraph build".`);
  }
  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  graph.import(data);
  return graph;
}

function isSerializedNewsGraph(data: unknown): data is SerializedNewsGraph {
  if (data === null || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  const attributes = d['attributes'] as Record<string, unknown> | undefined;
  return Array.isArray(d['nodes']) && Array.isArray(d['edges']) && Array.isArray(attributes?.['articles']);
}
