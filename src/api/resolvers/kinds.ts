/**
 * The typed fields of the actor and place kinds: offices and members, parts and capitals, the events at
 * a place. Proposal, Event and Claim have their own modules.
 */
import { adjacentEntities } from '../../graph/index.js';
import type { EntityAttributes, NewsGraph } from '../../graph/index.js';
import { inTimeOrder, linked, ofKind, type NegatedArgs } from './common.js';
import { actorFieldResolvers } from './actor.js';
import { entityFieldResolvers } from './entity.js';
import { positions, recognitions, type PositionAnswer, type RecognitionAnswer } from './facts.js';

export function personResolvers(graph: NewsGraph) {
  return {
    ...actorFieldResolvers(graph),
    positions: (person: EntityAttributes): PositionAnswer[] => positions(graph, person.id, 'OUT'),
  };
}

export function governmentResolvers(graph: NewsGraph) {
  return {
    ...actorFieldResolvers(graph),
    members: (government: EntityAttributes): PositionAnswer[] => positions(graph, government.id, 'IN'),
    affiliates: (government: EntityAttributes) => linked(graph, government.id, 'AFFILIATED_WITH', 'IN'),
    parts: (government: EntityAttributes) => linked(graph, government.id, 'PART_OF', 'IN'),
    partOf: (government: EntityAttributes) => linked(graph, government.id, 'PART_OF', 'OUT'),
    capital: (government: EntityAttributes): EntityAttributes | null =>
      ofKind(linked(graph, government.id, 'CAPITAL_OF', 'IN'), 'PLACE')[0] ?? null,
  };
}

export function organizationResolvers(graph: NewsGraph) {
  return {
    ...actorFieldResolvers(graph),
    members: (organization: EntityAttributes): PositionAnswer[] => positions(graph, organization.id, 'IN'),
    affiliates: (organization: EntityAttributes) => linked(graph, organization.id, 'AFFILIATED_WITH', 'IN'),
    ownedBy: (organization: EntityAttributes) => linked(graph, organization.id, 'OWNS', 'IN'),
    mediumOf: (organization: EntityAttributes) => inTimeOrder(graph, linked(graph, organization.id, 'MEDIUM', 'IN')),
  };
}

export function groupResolvers(graph: NewsGraph) {
  return actorFieldResolvers(graph);
}

export function placeResolvers(graph: NewsGraph) {
  const eventsWithRole = (place: EntityAttributes, role: string): EntityAttributes[] =>
    inTimeOrder(graph, adjacentEntities(graph, place.id, { predicates: [role], direction: 'IN', negated: false }));
  return {
    ...entityFieldResolvers(graph),
    events: (place: EntityAttributes) => eventsWithRole(place, 'LOCATION'),
    targetedBy: (place: EntityAttributes) => eventsWithRole(place, 'TARGET'),
    attackedBy: (place: EntityAttributes, args: NegatedArgs) => linked(graph, place.id, 'ATTACKED', 'IN', args),
    partOf: (place: EntityAttributes) => linked(graph, place.id, 'PART_OF', 'OUT'),
    parts: (place: EntityAttributes) => linked(graph, place.id, 'PART_OF', 'IN'),
    capitalOf: (place: EntityAttributes) => linked(graph, place.id, 'CAPITAL_OF', 'OUT'),
    recognizedBy: (place: EntityAttributes): RecognitionAnswer[] => recognitions(graph, place.id, 'IN'),
  };
}
