/**
 * All resolvers of the schema, for one graph: they close over it, so a schema answers for exactly the
 * graph it was made for.
 */
import type { EntityAttributes, NewsGraph } from '../../graph/index.js';
import { typeNameOf, type EntityTypeName } from './common.js';
import { claimResolvers } from './claim.js';
import { eventResolvers } from './event.js';
import { explorerQueryResolvers, explorerTypeResolvers } from './explorer.js';
import { governmentResolvers, groupResolvers, organizationResolvers, personResolvers, placeResolvers } from './kinds.js';
import { proposalResolvers } from './proposal.js';
import { queryResolvers } from './query.js';
import { relationResolvers } from './relation.js';
import { jsonScalar } from './scalars.js';

export function createResolvers(graph: NewsGraph) {
  const resolveType = (entity: EntityAttributes): EntityTypeName => typeNameOf(entity.kind);
  return {
    JSON: jsonScalar,
    Query: { ...queryResolvers(graph), ...explorerQueryResolvers(graph) },
    Entity: { __resolveType: resolveType },
    Actor: { __resolveType: resolveType },
    Person: personResolvers(graph),
    Government: governmentResolvers(graph),
    Organization: organizationResolvers(graph),
    Group: groupResolvers(graph),
    Place: placeResolvers(graph),
    Proposal: proposalResolvers(graph),
    Event: eventResolvers(graph),
    Claim: claimResolvers(graph),
    ...relationResolvers(graph),
    ...explorerTypeResolvers(),
  };
}
