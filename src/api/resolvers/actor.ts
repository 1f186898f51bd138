/**
 * The Actor fields shared by Person, Government, Organization and Group: what it proposed, backed,
 * rejected, asserted; whom it met, rebuked, urged. Each predicate-named field honours `negated` and `first`.
 */
import { EVENT_ROLE_NAMES } from '../../ontology/index.js';
import type { EntityAttributes } from '../../graph/index.js';
import type { GraphStore, StoredEntity } from '../../store/index.js';
import { DEFAULT_FIRST } from '../listSizes.js';
import { checkFirst, checkRoles, linked, type FirstArgs, type NegatedArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';
import { urgings, type UrgingAnswer } from './facts.js';

export interface EventsArgs extends FirstArgs {
  readonly role?: readonly string[] | null;
}

export function actorFieldResolvers(store: GraphStore) {
  const out = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) => linked(store, entity.id, predicate, 'OUT', args);
  const into = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) => linked(store, entity.id, predicate, 'IN', args);
  const proposals = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) =>
    linked(store, entity.id, predicate, 'OUT', args, { kind: 'PROPOSAL' });
  const claims = (predicate: string) => (entity: EntityAttributes, args: NegatedArgs) =>
    linked(store, entity.id, predicate, 'OUT', args, { kind: 'CLAIM' });

  return {
    ...entityFieldResolvers(store),
    events: (entity: EntityAttributes, args: EventsArgs): Promise<StoredEntity[]> =>
      store.linked(
        entity.id,
        { predicates: checkRoles(args.role) ?? EVENT_ROLE_NAMES, direction: 'IN', negated: false, order: 'time' },
        checkFirst(args.first, DEFAULT_FIRST.typed),
      ),
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
    urged: (entity: EntityAttributes, args: FirstArgs): Promise<UrgingAnswer[]> => urgings(store, entity.id, 'OUT', args),
    urgedBy: (entity: EntityAttributes, args: FirstArgs): Promise<UrgingAnswer[]> => urgings(store, entity.id, 'IN', args),
    cancelled: (entity: EntityAttributes, args: NegatedArgs) => linked(store, entity.id, 'CANCELLED', 'OUT', args, { kind: 'EVENT' }),
    owns: out('OWNS'),
  };
}
