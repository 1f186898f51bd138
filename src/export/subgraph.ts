/**
 * The part of the graph an export was asked for: `--focus ID --depth N` (the entities within N hops of
 * one entity, either direction, and the relations among them, as networkx's `ego_graph` with
 * `undirected=True`) and `--predicate` (only relations with these predicates; hops follow only them).
 *
 * - With a predicate filter and no focus, the result has the kept relations and the entities they touch.
 * - `ids` (what the explorer has drawn) selects exactly those entities and the relations among them; it takes
 *   no focus or depth.
 * - The focus entity is always kept, even when no kept relation touches it.
 * - Ids inside attributes (`attributedTo`, `event`, `properties.over`) may name entities left out: they are
 *   values, not edges.
 * - Of the graph's articles, those the selected relations quote are kept (src/graph/selection.ts says why): their
 *   evidence offsets index into them. Other graph attributes are kept as they are.
 */
import { MultiDirectedGraph } from 'graphology';
import { NewsgraphError } from '../errors.js';
import { neighborhood } from '../graph/index.js';
import { quotedArticleIds, quotedArticles, unknownFocus, unknownIds, type Selection } from '../graph/selection.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { EVENT_ROLE_NAMES, PREDICATE_NAMES, isEventRole, isPredicate } from '../ontology/index.js';
import { didYouMean } from '../didYouMean.js';
import { ELEMENTS_PER_PAUSE, PAUSE, runSteps } from './steps.js';

export interface SubgraphOptions {
  /** Id of the entity at the centre. */
  readonly focus?: string;
  /** Hops from the focus; needs `focus`. @default 1 */
  readonly depth?: number;
  /** Predicates or role names to keep, case-insensitive, each entry possibly a comma-separated list; all when absent or empty. */
  readonly predicates?: readonly string[];
  /** Exactly these entities (and the relations among them), instead of a focus and depth. */
  readonly ids?: readonly string[];
}

/** Normalizes and checks predicate names. @throws NewsgraphError BAD_USER_INPUT for an unknown name. */
function predicateSet(names: readonly string[]): Set<string> {
  const known = [...PREDICATE_NAMES, ...EVENT_ROLE_NAMES];
  const set = new Set<string>();
  for (const name of names.flatMap((entry) => entry.split(',')).map((n) => n.trim()).filter((n) => n !== '')) {
    const upper = name.toUpperCase();
    if (!isPredicate(upper) && !isEventRole(upper)) {
      throw new NewsgraphError('BAD_USER_INPUT', `Unknown predicate "${name}".${didYouMean(name, known)}`);
    }
    set.add(upper);
  }
  return set;
}

/**
 * The selected part of `graph` as a new graph; `graph` itself when nothing is selected.
 * @throws NewsgraphError NOT_FOUND when the focus is not an entity id; BAD_USER_INPUT for a bad depth or predicate.
 */
export function selectSubgraph(graph: NewsGraph, options: SubgraphOptions = {}): NewsGraph {
  return runSteps(selectSubgraphInSteps(graph, options));
}

/**
 * The options' own checks, which need no graph: ids with a focus, a depth without one or not a whole number, an
 * unknown predicate. What remains is whether the ids are in the graph, which the graph or the store answers.
 * @throws NewsgraphError BAD_USER_INPUT.
 */
export function checkSelection(options: SubgraphOptions): Selection {
  const { focus, depth, predicates, ids } = options;
  if (ids !== undefined && (focus !== undefined || depth !== undefined)) {
    throw new NewsgraphError('BAD_USER_INPUT', 'Give either a list of entity ids or a focus (with a depth), not both.');
  }
  if (focus === undefined && depth !== undefined) {
    throw new NewsgraphError('BAD_USER_INPUT', 'A depth needs a focus: give the id of the entity at the centre (--focus ID).');
  }
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0)) {
    throw new NewsgraphError('BAD_USER_INPUT', `The depth must be a whole number of hops, 0 or more; got ${String(depth)}.`);
  }
  const named = predicateSet(predicates ?? []);
  return { focus, depth, kept: named.size > 0 ? named : undefined, ids };
}

/** True when the options select the whole graph (an export of everything). */
export function selectsAll(selection: Selection): boolean {
  return selection.focus === undefined && selection.kept === undefined && selection.ids === undefined;
}

/**
 * selectSubgraph as steps (steps.ts): the options are checked when this is called, then the passes over the graph
 * that copy the selected part PAUSE every few elements; the generator's value is the subgraph.
 * @throws as selectSubgraph, when called.
 */
export function selectSubgraphInSteps(graph: NewsGraph, options: SubgraphOptions = {}): Generator<string, NewsGraph> {
  const selection = checkSelection(options);
  const { focus, ids } = selection;
  if (focus !== undefined && !graph.hasNode(focus)) throw unknownFocus(focus, graph.nodes());
  if (ids !== undefined) {
    const unknown = ids.filter((id) => !graph.hasNode(id));
    if (unknown.length > 0) throw unknownIds(unknown, graph.nodes());
  }
  return copySelection(graph, selection);
}

function* copySelection(graph: NewsGraph, selection: Selection): Generator<string, NewsGraph> {
  if (selectsAll(selection)) return graph;
  const { focus, depth, kept, ids } = selection;
  const keepEdge = (relation: RelationAttributes): boolean => kept === undefined || kept.has(relation.predicate);
  const nodes = new Set<string>();
  let seen = 0;
  if (ids !== undefined) {
    for (const id of ids) nodes.add(id);
  } else if (focus !== undefined) {
    nodes.add(focus);
    // One call: it reads only the part of the graph within `depth` hops.
    const around = neighborhood(graph, focus, { depth: depth ?? 1, ...(kept ? { predicates: [...kept] } : {}) });
    for (const neighbor of around.neighbors) nodes.add(neighbor.id);
    yield PAUSE;
  } else {
    for (const { attributes: relation, source, target } of graph.edgeEntries()) {
      if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
      if (keepEdge(relation)) nodes.add(source).add(target);
    }
  }

  const sub: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>({
    allowSelfLoops: graph.allowSelfLoops,
  });
  // Nodes and edges in the original order, so that the output is deterministic.
  for (const { node: key, attributes } of graph.nodeEntries()) {
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
    if (nodes.has(key)) sub.addNode(key, attributes);
  }
  for (const { edge: key, attributes: relation, source, target } of graph.edgeEntries()) {
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
    if (nodes.has(source) && nodes.has(target) && keepEdge(relation)) sub.addEdgeWithKey(key, source, target, relation);
  }
  const quoted = quotedArticleIds(sub.mapEdges((_key, relation) => relation));
  // The same keys in the same order, the articles cut to those quoted: the JSON export's attributes read alike.
  sub.replaceAttributes({ ...graph.getAttributes(), articles: quotedArticles(graph.getAttribute('articles'), quoted) });
  return sub;
}
