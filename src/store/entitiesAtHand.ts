/**
 * Entities a store already holds for the answer under way. A store that reads a page's relations together with
 * their ends (the PostgreSQL store: postgres/endsAhead.ts) can hand the ends out at once, so that `subject` and
 * `object` of a list of relations cost no promise and no look-up; any other store (the in-memory one reads
 * synchronously anyway: api/resolvers/syncReads.ts) lacks the capability and its entities are looked up as before.
 */
import type { GraphStore, StoredEntity } from './types.js';

/** A store that may hold an entity already, read ahead with the relations that name it. */
export interface HoldsEntitiesAtHand {
  /** The entity with this id if it is at hand, else undefined (then look it up). */
  entityAtHand(id: string): StoredEntity | undefined;
}

/** The entity with this id if the store holds it at hand, else undefined. */
export function entityAtHand(store: GraphStore, id: string): StoredEntity | undefined {
  const candidate = store as GraphStore & Partial<HoldsEntitiesAtHand>;
  return typeof candidate.entityAtHand === 'function' ? candidate.entityAtHand(id) : undefined;
}
