/**
 * The builder: data directory in, typed graphology graph out. read → schema → ontology → anchors →
 * projections → graph. Refuses the whole input when anything is wrong, listing every problem.
 */
import { MultiDirectedGraph } from 'graphology';
import { DataError, type Diagnostic } from '../errors.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { assemble } from './assemble.js';
import { withoutCascades } from './excuses.js';
import type { LayerOptions } from './layers.js';
import { loadSources, type LoadedSources } from './loadSources.js';
import { defaultDataDir } from './paths.js';

/** How to read a data directory: the layers it builds on (see layers.ts). */
export type BuildOptions = LayerOptions;

/** Every problem in the data directory; [] when it builds. */
export async function validateData(dataDir: string = defaultDataDir(), options: BuildOptions = {}): Promise<Diagnostic[]> {
  const sources = await loadSources(dataDir, options);
  const problems = [...sources.problems];
  assemble(sources, problems);
  return finalProblems(problems, sources);
}

/**
 * Builds the graph of every article in `dataDir` (default: the package's seed data).
 * @throws {DataError} with every problem found, when the data is not valid.
 */
export async function buildGraph(dataDir: string = defaultDataDir(), options: BuildOptions = {}): Promise<NewsGraph> {
  const sources = await loadSources(dataDir, options);
  const problems = [...sources.problems];
  const assembled = assemble(sources, problems);
  if (problems.length > 0) throw new DataError(finalProblems(problems, sources));

  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  graph.replaceAttributes({ articles: assembled.articles });
  for (const entity of assembled.entities) graph.addNode(entity.id, entity);
  for (const relation of assembled.relations) graph.addEdgeWithKey(relation.id, relation.subject, relation.object, relation);
  return graph;
}

/** Each independent problem once: the echoes of a set-aside item or an unread file dropped, then sorted. */
function finalProblems(problems: readonly Diagnostic[], sources: LoadedSources): Diagnostic[] {
  return sortProblems(withoutCascades(problems, sources.excuses));
}

function sortProblems(problems: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}: ${p.message}`, p]));
  return [...unique.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column));
}
