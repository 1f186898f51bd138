/**
 * The builder: data directory in, typed graphology graph out. read → schema → ontology → anchors →
 * projections → graph. Refuses the whole input when anything is wrong, listing every problem.
 */
import { MultiDirectedGraph } from 'graphology';
import { DataError, type Diagnostic } from '../errors.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { assemble } from './assemble.js';
import { loadSources } from './loadSources.js';
import { defaultDataDir } from './paths.js';

export interface BuildOptions {
  /** Called as the build passes its stages (sources read, checked and anchored, graph made): done of 3. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Every problem in the data directory; [] when it builds. */
export async function validateData(dataDir: string = defaultDataDir()): Promise<Diagnostic[]> {
  const sources = await loadSources(dataDir);
  const problems = [...sources.problems];
  assemble(sources, problems);
  return sortProblems(problems);
}

/**
 * Builds the graph of every article in `dataDir` (default: the package's seed data).
 * @throws {DataError} with every problem found, when the data is not valid.
 */
export async function buildGraph(dataDir: string = defaultDataDir(), options: BuildOptions = {}): Promise<NewsGraph> {
  const sources = await loadSources(dataDir);
  options.onProgress?.(1, 3);
  const problems = [...sources.problems];
  const assembled = assemble(sources, problems);
  if (problems.length > 0) throw new DataError(sortProblems(problems));
  options.onProgress?.(2, 3);

  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  graph.replaceAttributes({ articles: assembled.articles });
  for (const entity of assembled.entities) graph.addNode(entity.id, entity);
  for (const relation of assembled.relations) graph.addEdgeWithKey(relation.id, relation.subject, relation.object, relation);
  options.onProgress?.(3, 3);
  return graph;
}

function sortProblems(problems: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}: ${p.message}`, p]));
  return [...unique.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column));
}
