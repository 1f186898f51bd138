/**
 * The builder: data directory in, typed graphology graph out. read → schema → ontology → anchors →
 * projections → graph. Refuses the whole input when anything is wrong, listing every problem.
 */
import { MultiDirectedGraph } from 'graphology';
import { DataError, type Diagnostic } from '../errors.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { assemble, type Assembled } from './assemble.js';
import { withoutCascades } from './excuses.js';
import { loadSources, type LoadedSources, type LoadOptions } from './loadSources.js';
import { defaultDataDir } from './paths.js';
// Registers the snapshot body as the graphs' canonical encoding, so that graphIdentity works on a built graph.
import './snapshotEncode.js';

/** Every problem in the data directory; [] when it builds. */
export async function validateData(dataDir: string = defaultDataDir(), options: BuildOptions = {}): Promise<Diagnostic[]> {
  const sources = await loadSources(dataDir, options);
  const problems = [...sources.problems];
  assemble(sources, problems);
  return finalProblems(problems, sources);
}

/** How to read a data directory: the layers it builds on (see layers.ts), and whether to keep drafts. */
export interface BuildOptions extends LoadOptions {
  /**
   * Leave out drafted facts (those that still carry a `draft:` mark from `newsgraph extract`), and every
   * relation that touches a drafted entity, event or claim. The data must still validate as a whole.
   * @default false
   */
  readonly reviewedOnly?: boolean;
  /** Called as the build passes its stages (sources read, checked and anchored, graph made): done of 3. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Builds the graph of every article in `dataDir` (default: the package's seed data).
 * @throws {DataError} with every problem found, when the data is not valid.
 */
export async function buildGraph(dataDir: string = defaultDataDir(), options: BuildOptions = {}): Promise<NewsGraph> {
  return (await buildGraphFromSources(dataDir, options)).graph;
}

/** buildGraph, also returning the sources it read (the incremental build indexes them: assemblyIndex.ts). */
export async function buildGraphFromSources(dataDir: string, options: BuildOptions = {}): Promise<{ graph: NewsGraph; sources: LoadedSources }> {
  const sources = await loadSources(dataDir, options);
  options.onProgress?.(1, 3);
  const problems = [...sources.problems];
  const built = assemble(sources, problems, { reviewedOnly: options.reviewedOnly === true });
  if (problems.length > 0) throw new DataError(finalProblems(problems, sources));
  const assembled = options.reviewedOnly === true ? withoutDrafts(built) : built;
  options.onProgress?.(2, 3);

  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  graph.replaceAttributes({ articles: assembled.articles });
  for (const entity of assembled.entities) graph.addNode(entity.id, entity);
  for (const relation of assembled.relations) graph.addEdgeWithKey(relation.id, relation.subject, relation.object, relation);
  options.onProgress?.(3, 3);
  return { graph, sources };
}

/** Each independent problem once: the echoes of a set-aside item or an unread file dropped, then sorted. */
function finalProblems(problems: readonly Diagnostic[], sources: LoadedSources): Diagnostic[] {
  return sortProblems(withoutCascades(problems, sources.excuses));
}

/** The reviewed part: no drafted entity or relation, and no relation that names a drafted entity. */
function withoutDrafts(assembled: Assembled): Assembled {
  const entities = assembled.entities.filter((e) => e.draft !== true);
  const kept = new Set(entities.map((e) => e.id));
  const relations = assembled.relations.filter(
    (r) =>
      r.draft !== true &&
      kept.has(r.subject) &&
      kept.has(r.object) &&
      (r.event === undefined || kept.has(r.event)) &&
      (r.attributedTo === undefined || kept.has(r.attributedTo)),
  );
  return { ...assembled, entities, relations };
}

function sortProblems(problems: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}: ${p.message}`, p]));
  return [...unique.values()].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column));
}
