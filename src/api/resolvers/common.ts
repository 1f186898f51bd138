/**
 * What every resolver needs: the GraphQL type of a kind, entity lookups that explain a bad id, checked
 * predicate filters, and "the entities at the far end of these relations".
 */
import { NewsgraphError } from '../../errors.js';
import { EVENT_ROLE_NAMES, PREDICATE_NAMES, type EntityKind } from '../../ontology/index.js';
import type { Direction, GraphStore, LinkedFilter, PageRequest, StoredEntity } from '../../store/index.js';
import { didYouMean } from '../../didYouMean.js';
import { DEFAULT_FIRST, MAX_FIRST } from '../listSizes.js';
import { syncReadsOf } from './syncReads.js';

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

/**
 * The entity with this id.
 * @throws NewsgraphError NOT_FOUND, naming the argument and the near ids.
 */
export async function requireEntity(store: GraphStore, id: string, argument: string): Promise<StoredEntity> {
  const entity = await store.entity(id);
  if (entity !== null) return entity;
  throw new NewsgraphError('NOT_FOUND', `${argument}: no entity with id "${id}".${didYouMean(id, await store.similarIds(id))}`);
}

function held(entity: StoredEntity | null, id: string): StoredEntity {
  if (entity === null) throw new Error(`the graph names entity "${id}" but does not hold it`);
  return entity;
}

/**
 * The entity a relation end or property names; its absence is a broken graph, not a user error. At once
 * when the store reads synchronously (syncReads.ts), else a promise.
 */
export function entityAt(store: GraphStore, id: string): StoredEntity | Promise<StoredEntity> {
  const reads = syncReadsOf(store);
  if (reads !== undefined) return held(reads.entityNow(id), id);
  return store.entity(id).then((entity) => held(entity, id));
}

/** The entity with this id or null, at once when the store reads synchronously. */
export function entityOrNull(store: GraphStore, id: string): StoredEntity | null | Promise<StoredEntity | null> {
  const reads = syncReadsOf(store);
  return reads !== undefined ? reads.entityNow(id) : store.entity(id);
}

/** Every name a `predicate` filter takes: the ontology's predicates and roles, and any the graph uses. */
export async function knownPredicates(store: GraphStore): Promise<ReadonlySet<string>> {
  const used = await store.predicateCounts();
  if ([...used.keys()].every((name) => ONTOLOGY_NAMES.has(name))) return ONTOLOGY_NAMES;
  return new Set<string>([...ONTOLOGY_NAMES, ...used.keys()]);
}

const ONTOLOGY_NAMES: ReadonlySet<string> = new Set<string>([...PREDICATE_NAMES, ...EVENT_ROLE_NAMES]);
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
export async function checkPredicates(store: GraphStore, predicates: readonly string[] | null | undefined): Promise<readonly string[] | undefined> {
  if (predicates === null || predicates === undefined) return undefined;
  // The ontology's names need no look-up; only a name outside it asks the store which names the graph uses.
  const known = predicates.every((name) => ONTOLOGY_NAMES.has(name)) ? ONTOLOGY_NAMES : await knownPredicates(store);
  return checkNames('predicate', predicates, known, 'predicate or event role', 'Query.predicates lists them all.');
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
export interface NegatedArgs extends FirstArgs {
  readonly negated?: boolean | null;
}

/** The `first` argument of a list field. */
export interface FirstArgs {
  readonly first?: number | null;
}

/**
 * A list field's `first` as given, else the field's default (the SDL gives it; null falls back to it too).
 * @throws NewsgraphError BAD_USER_INPUT outside 0..MAX_FIRST.
 */
export function checkFirst(value: number | null | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_FIRST) {
    throw new NewsgraphError('BAD_USER_INPUT', `first must be between 0 and ${MAX_FIRST}, not ${n}: ask for the rest through a connection's pages or a narrower filter.`);
  }
  return n;
}

/** The arguments of a connection (a paged list): `first` and the cursor it follows. */
export interface ConnectionArgs extends FirstArgs {
  readonly after?: string | null;
}

/** The page a connection's arguments ask for, `first` checked (checkFirst) with the connections' default. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  return { first: checkFirst(args.first, DEFAULT_FIRST.page), after: args.after ?? undefined };
}

/**
 * The entities for which `predicate` holds from `id` in `direction` (or, with negated, those for which
 * the article says it does not), each once, in graph order, at most `first`.
 */
export function linked(
  store: GraphStore,
  id: string,
  predicate: string,
  direction: Direction,
  args: NegatedArgs = {},
  options: Pick<LinkedFilter, 'kind' | 'order'> = {},
): Promise<StoredEntity[]> {
  return store.linked(id, { predicates: [predicate], direction, negated: args.negated ?? false, ...options }, checkFirst(args.first, DEFAULT_FIRST.typed));
}

/** Slices a list the parent already holds (evidence, aliases) to `first`. */
export function firstOf<T>(items: readonly T[] | undefined, args: FirstArgs, fallback: number): readonly T[] {
  const first = checkFirst(args.first, fallback);
  if (items === undefined) return [];
  return items.length <= first ? items : items.slice(0, first);
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
