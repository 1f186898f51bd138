/**
 * The shortest chain of relations between two entities, for "how is X connected to Y". Relations are
 * followed in either direction; a negated relation (it says the link does NOT hold) and a background
 * relation (not stated by the article) are never followed, so a path is always made of stated facts.
 */
import { didYouMean } from '../didYouMean.js';
import { NewsgraphError } from '../errors.js';
import { otherEnd } from './adjacent.js';
import { graphIndex, relationsTouching } from './indices.js';
import type { NewsGraph, RelationAttributes } from './types.js';

export interface PathOptions {
  /** The longest chain to look for; 0 finds only the empty path from an entity to itself. @default 4 */
  readonly maxHops?: number;
}

export const DEFAULT_MAX_HOPS = 4;

/** True when a path may go through this relation. */
export function isTraversable(relation: RelationAttributes): boolean {
  return !relation.negated && relation.modality !== 'background';
}

function assertEntity(graph: NewsGraph, id: string, argument: string): void {
  if (!graph.hasNode(id)) {
    throw new NewsgraphError('NOT_FOUND', `${argument}: no entity with id "${id}".${didYouMean(id, graph.nodes())}`);
  }
}

/** Entities a search expands per hop, at most: past it, a hop of a hub-heavy corpus keeps the first ones met. */
export const MAX_FRONTIER = 50_000;

type ReachedBy = Map<string, { relation: RelationAttributes; previous: string } | null>;

/**
 * Bidirectional breadth-first search between `from` and `to`, at most `maxHops` relations long: each hop
 * expands whichever side has the smaller frontier, one whole ring at a time, so two hubs of a corpus are
 * joined by meeting in the middle instead of by reading everything within `maxHops` of one of them. Each
 * entity's relations are read in graph order and the first meeting met is taken, so the answer is
 * deterministic. Each side expands at most MAX_FRONTIER entities per hop (bounded per hop).
 * Returns the relations in order from `from`, [] when from = to, null when no chain of at most `maxHops` exists.
 * @throws NewsgraphError NOT_FOUND for an unknown id (with the near ids); BAD_USER_INPUT for a negative or fractional maxHops.
 */
export function shortestPath(graph: NewsGraph, from: string, to: string, options: PathOptions = {}): RelationAttributes[] | null {
  const { maxHops = DEFAULT_MAX_HOPS } = options;
  if (!Number.isInteger(maxHops) || maxHops < 0) {
    throw new NewsgraphError('BAD_USER_INPUT', `shortestPath: maxHops must be a whole number ≥ 0, not ${maxHops}.`);
  }
  assertEntity(graph, from, 'from');
  assertEntity(graph, to, 'to');
  if (from === to) return [];

  const index = graphIndex(graph);
  const forward: ReachedBy = new Map([[from, null]]);
  const backward: ReachedBy = new Map([[to, null]]);
  let forwardFrontier = [from];
  let backwardFrontier = [to];
  for (let hop = 1; hop <= maxHops && forwardFrontier.length > 0 && backwardFrontier.length > 0; hop++) {
    const forwards = forwardFrontier.length <= backwardFrontier.length;
    const mine = forwards ? forward : backward;
    const theirs = forwards ? backward : forward;
    const frontier = forwards ? forwardFrontier : backwardFrontier;
    const next: string[] = [];
    for (const id of frontier.length > MAX_FRONTIER ? frontier.slice(0, MAX_FRONTIER) : frontier) {
      for (const relation of relationsTouching(index, id)) {
        if (!isTraversable(relation)) continue;
        const other = otherEnd(relation, id);
        if (mine.has(other)) continue;
        mine.set(other, { relation, previous: id });
        if (theirs.has(other)) return [...unwind(forward, other).reverse(), ...unwind(backward, other)];
        next.push(other);
      }
    }
    if (forwards) forwardFrontier = next;
    else backwardFrontier = next;
  }
  return null;
}

/** The relations from `at` back to the start of a side's search, nearest first. */
function unwind(reachedBy: ReachedBy, at: string): RelationAttributes[] {
  const path: RelationAttributes[] = [];
  for (let step = reachedBy.get(at); step; step = reachedBy.get(step.previous)) path.push(step.relation);
  return path;
}
