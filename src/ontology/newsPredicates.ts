/**
 * Predicates that cover the rest of the news: one or more for each CAMEO root category that the first
 * article's vocabulary did not reach (appeal, intent to cooperate, material cooperation, aid, yield,
 * investigate, demand, threaten, protest, force posture, reduce relations, coerce, assault, mass violence).
 * Their CAMEO codes are in cameo.ts. Kept apart from predicates.ts so that file stays readable; PREDICATES
 * spreads this table in, so every name here is a Predicate like the others.
 */
import { ACTOR_KINDS, type EntityKind } from './kinds.js';
import type { PredicateSpec, Signature } from './predicates.js';

const ACTORS = ACTOR_KINDS;
const one = (subject: readonly EntityKind[], object: readonly EntityKind[]): Signature[] => [{ subject, object }];
const toWhat = { type: 'string', description: 'What they were asked, pressed or told to do.' } as const;

export const NEWS_PREDICATES = {
  // 01 make public statement
  ACKNOWLEDGED: { description: 'Admitted or acknowledged something (a claim, responsibility).', signatures: one(ACTORS, ['CLAIM', 'EVENT', 'PROPOSAL']) },
  // 02 appeal
  APPEALED_TO: { description: 'Appealed to or asked for something (aid, talks, restraint).', signatures: one(ACTORS, ACTORS), properties: { to: toWhat } },
  // 03 express intent to cooperate
  PLEDGED: { description: 'Promised or offered to do something or to give something.', signatures: one(ACTORS, [...ACTORS, 'PROPOSAL']) },
  // 04 consult
  VISITED: { description: 'Made a visit to a place or to a host.', signatures: one(ACTORS, ['PLACE', ...ACTORS]) },
  HOSTED: { description: 'Received a visitor.', signatures: one(ACTORS, ACTORS) },
  NEGOTIATED_WITH: { description: 'Held talks or negotiated with.', signatures: one(ACTORS, ACTORS), symmetric: true },
  SPOKE_WITH: { description: 'Spoke by telephone or otherwise consulted with.', signatures: one(ACTORS, ACTORS), symmetric: true },
  // 05 diplomatic cooperation
  PRAISED: { description: 'Praised or commended.', signatures: one(ACTORS, [...ACTORS, 'PROPOSAL', 'EVENT']) },
  APOLOGIZED_TO: { description: 'Apologized to.', signatures: one(ACTORS, ACTORS) },
  SIGNED: { description: 'Signed a formal agreement.', signatures: one(ACTORS, ['PROPOSAL']) },
  // 06 material cooperation
  COOPERATED_WITH: { description: 'Cooperated materially (economically, militarily, in intelligence or justice).', signatures: one(ACTORS, ACTORS), symmetric: true },
  // 07 provide aid
  PROVIDED_AID_TO: { description: 'Gave economic, military or humanitarian aid to.', signatures: one(ACTORS, [...ACTORS, 'PLACE']) },
  // 08 yield
  RELEASED: { description: 'Freed or returned people or property to.', signatures: one(ACTORS, [...ACTORS, 'PLACE']) },
  WITHDREW_FROM: { description: 'Pulled forces or people out of a place, or withdrew from an agreement.', signatures: one(ACTORS, ['PLACE', 'PROPOSAL', 'EVENT']) },
  EASED_SANCTIONS_ON: { description: 'Eased or lifted sanctions or restrictions on.', signatures: one(ACTORS, ACTORS) },
  // 09 investigate
  INVESTIGATED: { description: 'Investigated or inquired into.', signatures: one(ACTORS, [...ACTORS, 'EVENT', 'CLAIM']) },
  // 10 demand
  DEMANDED: { description: 'Demanded something of someone.', signatures: one(ACTORS, [...ACTORS, 'PROPOSAL']), properties: { to: toWhat } },
  // 11 disapprove
  // No `of` / `with` properties yet: each predicate property becomes a typed column of every export (columns.ts).
  ACCUSED: { description: 'Accused of wrongdoing.', signatures: one(ACTORS, ACTORS) },
  // 13 threaten
  THREATENED: { description: 'Threatened (with force, sanctions, or another measure).', signatures: one(ACTORS, [...ACTORS, 'PLACE']) },
  WARNED: { description: 'Warned of consequences.', signatures: one(ACTORS, ACTORS) },
  // 14 protest
  PROTESTED: { description: 'Demonstrated or protested against.', signatures: one(ACTORS, [...ACTORS, 'PROPOSAL', 'EVENT']) },
  // 15 exhibit force posture
  DEPLOYED_FORCES_TO: { description: 'Mobilized or deployed armed forces to a place or against someone.', signatures: one(ACTORS, ['PLACE', ...ACTORS]) },
  // 16 reduce relations
  SANCTIONED: { description: 'Imposed sanctions, an embargo or a boycott on.', signatures: one(ACTORS, ACTORS) },
  CUT_TIES_WITH: { description: 'Reduced or broke off relations with.', signatures: one(ACTORS, ACTORS) },
  EXPELLED: { description: 'Expelled diplomats, people or organizations.', signatures: one(ACTORS, ACTORS) },
  // 17 coerce
  ARRESTED: { description: 'Arrested or detained.', signatures: one(ACTORS, ['PERSON', 'GROUP']) },
  SEIZED: { description: 'Seized territory or property.', signatures: one(ACTORS, ['PLACE', 'ORGANIZATION']) },
  // 18 assault
  KILLED: { description: 'Killed (unconventional violence: assassination, bombing of civilians).', signatures: one(ACTORS, ['PERSON', 'GROUP']) },
  ABDUCTED: { description: 'Abducted or took hostage.', signatures: one(ACTORS, ['PERSON', 'GROUP']) },
  // 19 fight
  BOMBED: { description: 'Struck from the air: missiles, drones, aircraft, artillery.', signatures: one(ACTORS, ['PLACE', ...ACTORS]) },
  OCCUPIED: { description: 'Occupied territory.', signatures: one(ACTORS, ['PLACE']) },
  // 20 mass violence
  MASSACRED: { description: 'Committed mass killings or mass expulsions.', signatures: one(ACTORS, ['GROUP', 'PLACE']) },
} as const satisfies Record<string, PredicateSpec>;
