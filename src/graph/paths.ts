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

/**
 * Breadth-first search from `from` to `to`, at most `maxHops` relations long, visiting each entity's
 * relations in graph order (so the answer is deterministic). Returns the relations in order from `from`,
 * [] when from = to, null when no chain of at most `maxHops` exists.
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
  /** How each reached entity was reached: the relation and the entity before it. */
  const reachedBy = new Map<string, { relation: RelationAttributes; previous: string } | null>([[from, null]]);
  let frontier = [from];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const relation of relationsTouching(index, id)) {
        if (!isTraversable(relation)) continue;
        const other = otherEnd(relation, id);
        if (reachedBy.has(other)) continue;
        reachedBy.set(other, { relation, previous: id });
        if (other === to) return unwind(reachedBy, to);
        next.push(other);
      }
    }
    frontier = next;
  }
  return null;
}

function unwind(
  reachedBy: ReadonlyMap<string, { relation: RelationAttributes; previous: string } | null>,
  to: string,
): RelationAttributes[] {
  const path: RelationAttributes[] = [];
  for (let step = reachedBy.get(to); step; step = reachedBy.get(step.previous)) path.push(step.relation);
  return path.reverse();
}
