/**
 * The Proposal type: who proposed, backed, resisted, rejected, endorsed or preferred it (each honouring
 * `negated`, so that `endorsedBy(negated: true)` lists who has NOT endorsed it), its conditions and
 * what it recognizes.
 */
import type { EntityAttributes } from '../../graph/index.js';
import type { GraphStore } from '../../store/index.js';
import { linked, type FirstArgs, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';
import { preferences, recognitions, type PreferenceAnswer, type RecognitionAnswer } from './facts.js';

export function proposalResolvers(store: GraphStore) {
  const by = (predicate: string) => (proposal: EntityAttributes, args: NegatedArgs) => linked(store, proposal.id, predicate, 'IN', args);
  return {
    ...entityFieldResolvers(store),
    proposedBy: by('PROPOSED'),
    backedBy: by('BACKS'),
    resistedBy: by('RESISTS'),
    rejectedBy: by('REJECTED'),
    endorsedBy: by('ENDORSED'),
    preferredBy: by('PREFERS'),
    agreedToBy: by('AGREED_TO'),
    aimedForBy: by('AIMED_FOR'),
    deferredBy: by('DEFERRED'),
    preferences: (proposal: EntityAttributes, args: FirstArgs): Promise<PreferenceAnswer[]> => preferences(store, proposal.id, args),
    conditions: (proposal: EntityAttributes, args: FirstArgs) => linked(store, proposal.id, 'PART_OF', 'IN', args, { kind: 'PROPOSAL' }),
    partOf: (proposal: EntityAttributes, args: FirstArgs) => linked(store, proposal.id, 'PART_OF', 'OUT', args, { kind: 'PROPOSAL' }),
    recognizes: (proposal: EntityAttributes, args: FirstArgs): Promise<RecognitionAnswer[]> => recognitions(store, proposal.id, 'OUT', args),
    concerns: (proposal: EntityAttributes, args: FirstArgs) => linked(store, proposal.id, 'CONCERNS', 'OUT', args),
  };
}
