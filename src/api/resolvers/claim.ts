/**
 * The Claim type: who asserted, denied or reported it, what it is about, and which claims it contradicts
 * (CONTRADICTS is symmetric: stored once, read from either claim).
 */
import type { ClaimProperties, EntityAttributes, NewsGraph } from '../../graph/index.js';
import { inTimeOrder, linked, ofKind, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';

/** The properties of a CLAIM entity; the Claim type is only ever given claims. */
function claimProperties(entity: EntityAttributes): ClaimProperties {
  if (entity.kind !== 'CLAIM') throw new Error(`the Claim type was given ${entity.kind} "${entity.id}"`);
  return entity.properties;
}

export function claimResolvers(graph: NewsGraph) {
  const by = (predicate: string) => (claim: EntityAttributes, args: NegatedArgs) => linked(graph, claim.id, predicate, 'IN', args);
  return {
    ...entityFieldResolvers(graph),
    modality: (claim: EntityAttributes): string => claimProperties(claim).modality,
    time: (claim: EntityAttributes): string | null => claimProperties(claim).time ?? null,
    timeText: (claim: EntityAttributes): string | null => claimProperties(claim).timeText ?? null,
    assertedBy: by('ASSERTED'),
    deniedBy: by('DENIED'),
    reportedBy: by('REPORTED'),
    contradicts: (claim: EntityAttributes) => ofKind(linked(graph, claim.id, 'CONTRADICTS', 'BOTH'), 'CLAIM'),
    about: (claim: EntityAttributes) => linked(graph, claim.id, 'ABOUT', 'OUT'),
    consequences: (claim: EntityAttributes) => inTimeOrder(graph, linked(graph, claim.id, 'CAUSE', 'IN')),
  };
}
