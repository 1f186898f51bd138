/**
 * CAMEO (Conflict and Mediation Event Observations, Schrodt 2012; the event codes of GDELT and ICEWS) for the
 * vocabulary: each predicate and event type with the CAMEO code it corresponds to, so that the graph can be
 * exported as an event table that event-data tools read (export/gdelt.ts), and so that the vocabulary can be
 * checked to reach every root category. Structural predicates (positions, membership, aboutness) are not
 * events and have no code (null).
 */
import type { EventType } from './events.js';
import type { Predicate } from './predicates.js';

/** The 20 CAMEO root categories, "01".."20". */
export const CAMEO_ROOTS = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
} as const;

export type CameoRoot = keyof typeof CAMEO_ROOTS;

/** A CAMEO code and, where our name is looser than CAMEO's, why this code was chosen. */
export interface CameoMapping {
  /** CAMEO event code: 3 or 4 digits ("040", "0841", "111"). */
  readonly code: string;
  readonly note?: string;
}

const c = (code: string, note?: string): CameoMapping => (note === undefined ? { code } : { code, note });

export const PREDICATE_CAMEO: Readonly<Record<Predicate, CameoMapping | null>> = {
  HOLDS_POSITION: null,
  AFFILIATED_WITH: null,
  PART_OF: null,
  ALIGNED_WITH: c('050', 'engage in diplomatic cooperation, general'),
  PROPOSED: c('030', 'CAMEO has no "propose"; putting a plan forward expresses intent to cooperate'),
  BACKS: c('051', 'praise or endorse'),
  RESISTS: c('110', 'disapprove, general: opposition short of a formal rejection'),
  REJECTED: c('120'),
  ENDORSED: c('051', 'praise or endorse'),
  PREFERS: c('051', 'endorses one proposal over another'),
  RECOGNIZES: null,
  MET_WITH: c('040', 'consult, general (042-044 when the host is known)'),
  PLANS_TO_MEET: c('036', 'express intent to meet or negotiate'),
  ATTACKED: c('190', 'use conventional military force, general'),
  REBUKED: c('111', 'criticize or denounce'),
  CRITICIZED: c('111', 'criticize or denounce'),
  URGED: c('020', 'make an appeal or request, general'),
  CANCELLED: c('160', 'reduce relations, general; 164 when talks are halted'),
  ASSERTED: c('010', 'make statement, general'),
  DENIED: c('016', 'deny responsibility is the nearest; other denials are statements (010)'),
  REPORTED: c('010', 'make statement, general'),
  CONTRADICTS: null,
  ABOUT: null,
  CONCERNS: null,
  AGREED_TO: c('030', 'express intent to cooperate'),
  AIMED_FOR: c('030', 'express intent to cooperate'),
  DEFERRED: c('014', 'consider policy option: a decision put off is still under consideration'),
  OWNS: null,
  LEADS: null,
  CAPITAL_OF: null,
  ACKNOWLEDGED: c('015', 'acknowledge or claim responsibility'),
  APPEALED_TO: c('020'),
  PLEDGED: c('030'),
  VISITED: c('042', 'make a visit'),
  HOSTED: c('043', 'host a visit'),
  NEGOTIATED_WITH: c('046', 'engage in negotiation'),
  SPOKE_WITH: c('041', 'discuss by telephone'),
  PRAISED: c('051', 'praise or endorse'),
  APOLOGIZED_TO: c('055', 'apologize'),
  SIGNED: c('057', 'sign formal agreement'),
  COOPERATED_WITH: c('060'),
  PROVIDED_AID_TO: c('070'),
  RELEASED: c('084', 'return, release'),
  WITHDREW_FROM: c('087', 'de-escalate military engagement'),
  EASED_SANCTIONS_ON: c('085', 'ease economic sanctions, boycott, embargo'),
  INVESTIGATED: c('090'),
  DEMANDED: c('100'),
  ACCUSED: c('112', 'accuse'),
  THREATENED: c('130'),
  WARNED: c('130', 'threaten, general: a warning of consequences'),
  PROTESTED: c('140'),
  DEPLOYED_FORCES_TO: c('150'),
  SANCTIONED: c('163', 'impose embargo, boycott, or sanctions'),
  CUT_TIES_WITH: c('161', 'reduce or break diplomatic relations'),
  EXPELLED: c('166', 'expel or withdraw'),
  ARRESTED: c('173', 'arrest, detain'),
  SEIZED: c('171', 'seize or damage property'),
  KILLED: c('186', 'assassinate'),
  ABDUCTED: c('181', 'abduct, hijack, take hostage'),
  BOMBED: c('195', 'employ aerial weapons'),
  OCCUPIED: c('192', 'occupy territory'),
  MASSACRED: c('202', 'engage in mass killings'),
};

export const EVENT_TYPE_CAMEO: Readonly<Record<EventType, CameoMapping>> = {
  MEETING: c('040'),
  ATTACK: c('190'),
  REBUKE: c('111'),
  CRITICISM: c('111'),
  CANCELLATION: c('160'),
  NEGOTIATION: c('046'),
  WAR: c('190'),
  STATEMENT: c('010'),
  VISIT: c('042'),
  PROTEST: c('140'),
  SANCTION: c('163'),
  THREAT: c('130'),
  DEMAND: c('100'),
  ACCUSATION: c('112'),
  INVESTIGATION: c('090'),
  ARREST: c('173'),
  AID: c('070'),
  AIRSTRIKE: c('195'),
  DEPLOYMENT: c('150'),
  MASS_KILLING: c('202'),
  CEASEFIRE: c('0871', 'declare truce, ceasefire'),
  AGREEMENT: c('057'),
};

/** The root ("01".."20") of a CAMEO code: its first two digits. */
export function cameoRoot(code: string): CameoRoot {
  const root = code.slice(0, 2);
  if (!Object.hasOwn(CAMEO_ROOTS, root)) throw new Error(`not a CAMEO code: "${code}"`);
  return root as CameoRoot;
}

/**
 * GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
 * 4 material conflict (15-20).
 */
export function quadClass(code: string): 1 | 2 | 3 | 4 {
  const root = Number(cameoRoot(code));
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}
