/**
 * The Claim type: who asserted, denied or reported it, what it is about, and which claims it contradicts
 * (CONTRADICTS is symmetric: stored once, read from either claim).
 */
import type { ClaimProperties, EntityAttributes } from '../../graph/index.js';
import type { GraphStore } from '../../store/index.js';
import { linked, type FirstArgs, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';

/** The properties of a CLAIM entity; the Claim type is only ever given claims. */
function claimProperties(entity: EntityAttributes): ClaimProperties {
  if (entity.kind !== 'CLAIM') throw new Error(`the Claim type was given ${entity.kind} "${entity.id}"`);
  return entity.properties;
}

export function claimResolvers(store: GraphStore) {
  const by = (predicate: string) => (claim: EntityAttributes, args: NegatedArgs) => linked(store, claim.id, predicate, 'IN', args);
  return {
    ...entityFieldResolvers(store),
    modality: (claim: EntityAttributes): string => claimProperties(claim).modality,
    time: (claim: EntityAttributes): string | null => claimProperties(claim).time ?? null,
    timeText: (claim: EntityAttributes): string | null => claimProperties(claim).timeText ?? null,
    assertedBy: by('ASSERTED'),
    deniedBy: by('DENIED'),
    reportedBy: by('REPORTED'),
    contradicts: (claim: EntityAttributes, args: FirstArgs) => linked(store, claim.id, 'CONTRADICTS', 'BOTH', args, { kind: 'CLAIM' }),
    about: (claim: EntityAttributes, args: FirstArgs) => linked(store, claim.id, 'ABOUT', 'OUT', args),
    consequences: (claim: EntityAttributes, args: FirstArgs) => linked(store, claim.id, 'CAUSE', 'IN', args, { order: 'time' }),
  };
}
