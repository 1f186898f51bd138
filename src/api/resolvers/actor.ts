/**
 * The Actor fields shared by Person, Government, Organization and Group: what it proposed, backed,
 * rejected, asserted; whom it met, rebuked, urged. Each predicate-named field honours `negated`.
 */
import { EVENT_ROLE_NAMES } from '../../ontology/index.js';
import { adjacentEntities } from '../../graph/index.js';
import type { EntityAttributes, NewsGraph } from '../../graph/index.js';
import { checkRoles, inTimeOrder, linked, ofKind, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';
import { urgings, type UrgingAnswer } from './facts.js';

export interface EventsArgs {
  readonly role?: readonly string[] | null;
}

export function actorFieldResolvers(graph: NewsGraph) {
  const out = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) => linked(graph, entity.id, predicate, 'OUT', args);
  const into = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) => linked(graph, entity.id, predicate, 'IN', args);
  const proposals = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) =>
    ofKind(linked(graph, entity.id, predicate, 'OUT', args), 'PROPOSAL');
  const claims = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) =>
    ofKind(linked(graph, entity.id, predicate, 'OUT', args), 'CLAIM');

  return {
    ...entityFieldResolvers(graph),
    events: (entity: EntityAttributes, args: EventsArgs): EntityAttributes[] => {
      const roles = checkRoles(args.role) ?? EVENT_ROLE_NAMES;
      const events = adjacentEntities(graph, entity.id, { predicates: roles, direction: 'IN', negated: false });
      return inTimeOrder(graph, events);
    },
    proposed: proposals('PROPOSED'),
    backs: proposals('BACKS'),
    resists: proposals('RESISTS'),
    rejected: proposals('REJECTED'),
    endorsed: proposals('ENDORSED'),
    prefers: proposals('PREFERS'),
    agreedTo: proposals('AGREED_TO'),
    metWith: out('MET_WITH'),
    plansToMeet: out('PLANS_TO_MEET'),
    alignedWith: out('ALIGNED_WITH'),
    affiliatedWith: out('AFFILIATED_WITH'),
    asserted: claims('ASSERTED'),
    denied: claims('DENIED'),
    reported: claims('REPORTED'),
    rebuked: out('REBUKED'),
    rebukedBy: into('REBUKED'),
    criticized: out('CRITICIZED'),
    criticizedBy: into('CRITICIZED'),
    attacked: out('ATTACKED'),
    urged: (entity: EntityAttributes): UrgingAnswer[] => urgings(graph, entity.id, 'OUT'),
    urgedBy: (entity: EntityAttributes): UrgingAnswer[] => urgings(graph, entity.id, 'IN'),
    cancelled: (entity: EntityAttributes, args: NegatedArgs) => ofKind(linked(graph, entity.id, 'CANCELLED', 'OUT', args), 'EVENT'),
    owns: out('OWNS'),
  };
}
