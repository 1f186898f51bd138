/**
 * All resolvers of the schema, for one store: they close over it, so a schema answers for exactly the
 * store (or graph) it was made for, and read nothing else.
 *
 * Registration point: a new module of resolvers (an explorer, the snapshot identity) adds its object here,
 * one spread line, beside its own `schema/*.graphql` file.
 */
import type { EntityAttributes } from '../../graph/index.js';
import type { GraphStore } from '../../store/index.js';
import { typeNameOf, type EntityTypeName } from './common.js';
import { claimResolvers } from './claim.js';
import { eventResolvers } from './event.js';
import { explorerQueryResolvers, explorerTypeResolvers } from './explorer.js';
import { governmentResolvers, groupResolvers, organizationResolvers, personResolvers, placeResolvers } from './kinds.js';
import { proposalResolvers } from './proposal.js';
import { queryResolvers } from './query.js';
import { relationResolvers } from './relation.js';
import { jsonScalar } from './scalars.js';
import { snapshotQueryResolvers } from './snapshot.js';

export function createResolvers(store: GraphStore) {
  const resolveType = (entity: EntityAttributes): EntityTypeName => typeNameOf(entity.kind);
  return {
    JSON: jsonScalar,
    Query: { ...queryResolvers(store), ...snapshotQueryResolvers(store), ...explorerQueryResolvers(store) },
    Entity: { __resolveType: resolveType },
    Actor: { __resolveType: resolveType },
    Person: personResolvers(store),
    Government: governmentResolvers(store),
    Organization: organizationResolvers(store),
    Group: groupResolvers(store),
    Place: placeResolvers(store),
    Proposal: proposalResolvers(store),
    Event: eventResolvers(store),
    Claim: claimResolvers(store),
    ...relationResolvers(store),
    ...explorerTypeResolvers(),
  };
}
