/**
 * The Proposal type: who proposed, backed, resisted, rejected, endorsed or preferred it (each honouring
 * `negated`, so that `endorsedBy(negated: true)` lists who has NOT endorsed it), its conditions and
 * what it recognizes.
 */
import type { EntityAttributes, NewsGraph } from '../../graph/index.js';
import { linked, ofKind, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';
import { preferences, recognitions, type PreferenceAnswer, type RecognitionAnswer } from './facts.js';

export function proposalResolvers(graph: NewsGraph) {
  const by = (predicate: string) => (proposal: EntityAttributes, args: NegatedArgs) => linked(graph, proposal.id, predicate, 'IN', args);
  return {
    ...entityFieldResolvers(graph),
    proposedBy: by('PROPOSED'),
    backedBy: by('BACKS'),
    resistedBy: by('RESISTS'),
    rejectedBy: by('REJECTED'),
    endorsedBy: by('ENDORSED'),
    preferredBy: by('PREFERS'),
    agreedToBy: by('AGREED_TO'),
    aimedForBy: by('AIMED_FOR'),
    deferredBy: by('DEFERRED'),
    preferences: (proposal: EntityAttributes): PreferenceAnswer[] => preferences(graph, proposal.id),
    conditions: (proposal: EntityAttributes) => ofKind(linked(graph, proposal.id, 'PART_OF', 'IN'), 'PROPOSAL'),
    partOf: (proposal: EntityAttributes) => ofKind(linked(graph, proposal.id, 'PART_OF', 'OUT'), 'PROPOSAL'),
    recognizes: (proposal: EntityAttributes): RecognitionAnswer[] => recognitions(graph, proposal.id, 'OUT'),
    concerns: (proposal: EntityAttributes) => linked(graph, proposal.id, 'CONCERNS', 'OUT'),
  };
}
