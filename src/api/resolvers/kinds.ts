/**
 * The typed fields of the actor and place kinds: offices and members, parts and capitals, the events at
 * a place. Proposal, Event and Claim have their own modules.
 */
import type { EntityAttributes } from '../../graph/index.js';
import type { GraphStore, StoredEntity } from '../../store/index.js';
import { linked, type FirstArgs, type NegatedArgs } from './common.js';
import { actorFieldResolvers } from './actor.js';
import { entityFieldResolvers } from './entity.js';
import { positions, recognitions, type PositionAnswer, type RecognitionAnswer } from './facts.js';

export function personResolvers(store: GraphStore) {
  return {
    ...actorFieldResolvers(store),
    positions: (person: EntityAttributes, args: FirstArgs): Promise<PositionAnswer[]> => positions(store, person, 'OUT', args),
  };
}

export function governmentResolvers(store: GraphStore) {
  return {
    ...actorFieldResolvers(store),
    members: (government: EntityAttributes, args: FirstArgs): Promise<PositionAnswer[]> => positions(store, government, 'IN', args),
    affiliates: (government: EntityAttributes, args: FirstArgs) => linked(store, government.id, 'AFFILIATED_WITH', 'IN', args),
    parts: (government: EntityAttributes, args: FirstArgs) => linked(store, government.id, 'PART_OF', 'IN', args),
    partOf: (government: EntityAttributes, args: FirstArgs) => linked(store, government.id, 'PART_OF', 'OUT', args),
    capital: async (government: EntityAttributes): Promise<StoredEntity | null> =>
      (await linked(store, government.id, 'CAPITAL_OF', 'IN', { first: 1 }, { kind: 'PLACE' }))[0] ?? null,
  };
}

export function organizationResolvers(store: GraphStore) {
  return {
    ...actorFieldResolvers(store),
    members: (organization: EntityAttributes, args: FirstArgs): Promise<PositionAnswer[]> => positions(store, organization, 'IN', args),
    affiliates: (organization: EntityAttributes, args: FirstArgs) => linked(store, organization.id, 'AFFILIATED_WITH', 'IN', args),
    ownedBy: (organization: EntityAttributes, args: FirstArgs) => linked(store, organization.id, 'OWNS', 'IN', args),
    mediumOf: (organization: EntityAttributes, args: FirstArgs) => linked(store, organization.id, 'MEDIUM', 'IN', args, { order: 'time' }),
  };
}

export function groupResolvers(store: GraphStore) {
  return actorFieldResolvers(store);
}

export function placeResolvers(store: GraphStore) {
  return {
    ...entityFieldResolvers(store),
    events: (place: EntityAttributes, args: FirstArgs) => linked(store, place.id, 'LOCATION', 'IN', args, { order: 'time' }),
    targetedBy: (place: EntityAttributes, args: FirstArgs) => linked(store, place.id, 'TARGET', 'IN', args, { order: 'time' }),
    attackedBy: (place: EntityAttributes, args: NegatedArgs) => linked(store, place.id, 'ATTACKED', 'IN', args),
    partOf: (place: EntityAttributes, args: FirstArgs) => linked(store, place.id, 'PART_OF', 'OUT', args),
    parts: (place: EntityAttributes, args: FirstArgs) => linked(store, place.id, 'PART_OF', 'IN', args),
    capitalOf: (place: EntityAttributes, args: FirstArgs) => linked(store, place.id, 'CAPITAL_OF', 'OUT', args),
    recognizedBy: (place: EntityAttributes, args: FirstArgs): Promise<RecognitionAnswer[]> => recognitions(store, place.id, 'IN', args),
  };
}
