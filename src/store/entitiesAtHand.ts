/**
 * Entities a store already holds for the answer under way. A store that reads a page's relations together with
 * their ends (the PostgreSQL store: postgres/endsAhead.ts) can hand the ends out at once, so that `subject` and
 * `object` of a list of relations cost no promise and no look-up; any other store (the in-memory one reads
 * synchronously anyway: api/resolvers/syncReads.ts) lacks the capability and its entities are looked up as before.
 */
import type { GraphStore, StoredEntity } from './types.js';

/**
 * A store that may hold an entity already, read ahead with the relations that name it, for the operations under way:
 * the API says when each starts and ends, and what was read for them is let go when they have ended (not kept for the
 * next answers, where it would outlive the young generation's collections and be promoted for nothing).
 */
export interface HoldsEntitiesAtHand {
  /** The entity with this id if it is at hand, else undefined (then look it up). */
  entityAtHand(id: string): StoredEntity | undefined;
  /** A GraphQL operation starts executing; `key` (its context object) names it until it ends. */
  operationStarted(key: object): void;
  /** The operation `key` ended (its answer is being sent). A key never started is ignored. */
  operationEnded(key: object): void;
}

/** The entity with this id if the store holds it at hand, else undefined. */
export function entityAtHand(store: GraphStore, id: string): StoredEntity | undefined {
  const candidate = store as GraphStore & Partial<HoldsEntitiesAtHand>;
  return typeof candidate.entityAtHand === 'function' ? candidate.entityAtHand(id) : undefined;
}

/** The store's hooks for each operation's start and end (the API calls them; none for a store that keeps nothing for them). */
export type OperationHooks = Pick<HoldsEntitiesAtHand, 'operationStarted' | 'operationEnded'>;

/** The store's hooks for the start and end of operations, if it holds entities at hand for them. */
export function operationHooksOf(store: GraphStore): OperationHooks | undefined {
  const candidate = store as GraphStore & Partial<HoldsEntitiesAtHand>;
  return typeof candidate.operationStarted === 'function' && typeof candidate.operationEnded === 'function' ? (candidate as GraphStore & HoldsEntitiesAtHand) : undefined;
}
