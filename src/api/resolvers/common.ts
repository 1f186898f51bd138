/**
 * What every resolver needs: the GraphQL type of a kind, entity lookups that explain a bad id, checked
 * predicate filters, and "the entities at the far end of these relations".
 */
import { NewsgraphError } from '../../errors.js';
import { adjacentEntities, graphIndex, type Direction } from '../../graph/index.js';
import type { EntityAttributes, NewsGraph } from '../../graph/index.js';
import { EVENT_ROLE_NAMES, PREDICATE_NAMES, type EntityKind } from '../../ontology/index.js';
import { didYouMean } from '../../didYouMean.js';

export type EntityTypeName = 'Person' | 'Government' | 'Organization' | 'Group' | 'Place' | 'Proposal' | 'Event' | 'Claim';

/** The object type that stands for a kind. */
export function typeNameOf(kind: EntityKind): EntityTypeName {
  switch (kind) {
    case 'PERSON':
      return 'Person';
    case 'GOVERNMENT':
      return 'Government';
    case 'ORGANIZATION':
      return 'Organization';
    case 'GROUP':
      return 'Group';
    case 'PLACE':
      return 'Place';
    case 'PROPOSAL':
      return 'Proposal';
    case 'EVENT':
      return 'Event';
    case 'CLAIM':
      return 'Claim';
    default: {
      const unreachable: never = kind;
      throw new Error(`no GraphQL type for kind ${String(unreachable)}`);
    }
  }
}

/** The entity with this id, or null. */
export function findEntity(graph: NewsGraph, id: string): EntityAttributes | null {
  return graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
}

/**
 * The entity with this id.
 * @throws NewsgraphError NOT_FOUND, naming the argument and the near ids.
 */
export function requireEntity(graph: NewsGraph, id: string, argument: string): EntityAttributes {
  const entity = findEntity(graph, id);
  if (entity !== null) return entity;
  throw new NewsgraphError('NOT_FOUND', `${argument}: no entity with id "${id}".${didYouMean(id, graph.nodes())}`);
}

/** The entity a relation end or property names; its absence is a broken graph, not a user error. */
export function entityAt(graph: NewsGraph, id: string): EntityAttributes {
  return graph.getNodeAttributes(id);
}

const predicateNames = new WeakMap<object, ReadonlySet<string>>();

/** Every name a `predicate` filter takes: the ontology's predicates and roles, and any the graph uses. */
export function knownPredicates(graph: NewsGraph): ReadonlySet<string> {
  const index = graphIndex(graph); // keyed by the index, so that a changed graph is read again
  let names = predicateNames.get(index);
  if (names === undefined) {
    names = new Set<string>([...PREDICATE_NAMES, ...EVENT_ROLE_NAMES, ...index.byPredicate.keys()]);
    predicateNames.set(index, names);
  }
  return names;
}

/**
 * A filter argument's names as given, or undefined for "all" (null or absent). A name outside `known`
 * would silently match nothing, so it is refused instead.
 * @param what the kind of name, for the message ("event role").
 * @param hint where to read the valid names, or undefined to list them in the message.
 * @throws NewsgraphError BAD_USER_INPUT naming the argument and the bad value, with the near names.
 */
export function checkNames(
  argument: string,
  names: readonly string[] | null | undefined,
  known: ReadonlySet<string>,
  what: string,
  hint?: string,
): readonly string[] | undefined {
  if (names === null || names === undefined) return undefined;
  for (const name of names) {
    if (!known.has(name)) {
      const valid = hint ?? `${argument} takes ${[...known].join(', ')}.`;
      throw new NewsgraphError('BAD_USER_INPUT', `${argument}: unknown ${what} "${name}".${didYouMean(name, known)} ${valid}`);
    }
  }
  return names;
}

/**
 * A predicate filter as given, or undefined for "all".
 * @throws NewsgraphError BAD_USER_INPUT for a name that is neither a predicate nor a role.
 */
export function checkPredicates(graph: NewsGraph, predicates: readonly string[] | null | undefined): readonly string[] | undefined {
  return checkNames('predicate', predicates, knownPredicates(graph), 'predicate or event role', 'Query.predicates lists them all.');
}

const ROLE_NAMES: ReadonlySet<string> = new Set(EVENT_ROLE_NAMES);

/**
 * A role filter as given, or undefined for "all".
 * @throws NewsgraphError BAD_USER_INPUT for a name that is not an event role (a predicate such as REJECTED is not one).
 */
export function checkRoles(roles: readonly string[] | null | undefined): readonly string[] | undefined {
  return checkNames('role', roles, ROLE_NAMES, 'event role');
}

/** Arguments of the fields named after a predicate. */
export interface NegatedArgs {
  readonly negated?: boolean | null;
}

/**
 * The entities for which `predicate` holds from `id` in `direction` (or, with negated, those for which
 * the article says it does not), each once, in graph order.
 */
export function linked(
  graph: NewsGraph,
  id: string,
  predicate: string,
  direction: Direction,
  args: NegatedArgs = {},
): EntityAttributes[] {
  return adjacentEntities(graph, id, { predicates: [predicate], direction, negated: args.negated ?? false });
}

/** The entities of the list that have this kind (a typed field promises its kind). */
export function ofKind<K extends EntityKind>(entities: readonly EntityAttributes[], kind: K): Array<EntityAttributes & { kind: K }> {
  return entities.filter((e): e is EntityAttributes & { kind: K } => e.kind === kind);
}

/** Puts events in time order (the timeline's), leaving other entities out. */
export function inTimeOrder(graph: NewsGraph, entities: readonly EntityAttributes[]): EntityAttributes[] {
  const position = graphIndex(graph).timelinePosition;
  const at = (e: EntityAttributes): number => position.get(e.id) ?? Number.MAX_SAFE_INTEGER;
  return ofKind(entities, 'EVENT').sort((a, b) => at(a) - at(b));
}

/**
 * A whole-number argument within bounds.
 * @throws NewsgraphError BAD_USER_INPUT naming the argument and its range.
 */
export function checkRange(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new NewsgraphError('BAD_USER_INPUT', `${name} must be between ${min} and ${max}, not ${n}.`);
  }
  return n;
}
