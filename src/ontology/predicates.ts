/**
 * Predicates: the relation vocabulary with each predicate's domain and range, which the builder checks.
 * The first block is fixed by ONTOLOGY.md; the additions below it are what the articles needed, each
 * with its one-line description.
 */
import { ACTOR_KINDS, ENTITY_KINDS, type EntityKind } from './kinds.js';
import { NEWS_PREDICATES } from './newsPredicates.js';

/** A property a predicate takes; `entity` values are ids of entities of the given kinds. */
export type PropertySpec =
  | { readonly type: 'string'; readonly required?: boolean; readonly description: string }
  | { readonly type: 'integer'; readonly required?: boolean; readonly description: string }
  | {
      readonly type: 'entity';
      readonly kinds: readonly EntityKind[];
      readonly required?: boolean;
      readonly description: string;
    };

/** One allowed pairing of subject kinds and object kinds. */
export interface Signature {
  readonly subject: readonly EntityKind[];
  readonly object: readonly EntityKind[];
}

export interface PredicateSpec {
  readonly description: string;
  /** A relation holds when any one signature admits its subject and object kinds. */
  readonly signatures: readonly Signature[];
  /** Stored once; a filter on either end, or a direction, matches both ends. */
  readonly symmetric?: boolean;
  readonly properties?: Readonly<Record<string, PropertySpec>>;
}

const ACTORS = ACTOR_KINDS;
const ANY = ENTITY_KINDS;
const one = (subject: readonly EntityKind[], object: readonly EntityKind[]): Signature[] => [{ subject, object }];

export const PREDICATES = {
  // ── Fixed by ONTOLOGY.md ──────────────────────────────────────────────────────────────────────────
  HOLDS_POSITION: {
    description: 'Holds an office; the object is the state or body whose office it is.',
    signatures: one(['PERSON'], ['GOVERNMENT', 'ORGANIZATION']),
    properties: {
      title: { type: 'string', required: true, description: 'The office, e.g. "Prime Minister".' },
    },
  },
  AFFILIATED_WITH: {
    description: 'Works for or speaks for.',
    signatures: one(['PERSON', 'GROUP'], ['ORGANIZATION', 'GOVERNMENT']),
  },
  PART_OF: {
    description: 'Is a part of: a body of a government, a place within a place or state, a condition of a framework.',
    signatures: [
      { subject: ['GOVERNMENT'], object: ['GOVERNMENT'] },
      { subject: ['PLACE'], object: ['PLACE', 'GOVERNMENT'] },
      { subject: ['PROPOSAL'], object: ['PROPOSAL'] },
    ],
  },
  ALIGNED_WITH: { description: 'Sides with, owes allegiance to.', signatures: one(ACTORS, ACTORS) },
  PROPOSED: { description: 'Authored or put forward.', signatures: one(ACTORS, ['PROPOSAL']) },
  BACKS: { description: 'Supports.', signatures: one(ACTORS, ['PROPOSAL']) },
  RESISTS: { description: 'Opposes without formal rejection.', signatures: one(ACTORS, ['PROPOSAL']) },
  REJECTED: { description: 'Formally rejected.', signatures: one(ACTORS, ['PROPOSAL']) },
  ENDORSED: { description: 'Formally endorsed.', signatures: one(ACTORS, ['PROPOSAL']) },
  PREFERS: {
    description: 'Favours this proposal over another.',
    signatures: one(ACTORS, ['PROPOSAL']),
    properties: {
      over: { type: 'entity', kinds: ['PROPOSAL'], description: 'The id of the proposal it is preferred over.' },
    },
  },
  RECOGNIZES: {
    description: 'A proposal acknowledges a territory as something.',
    signatures: one(['PROPOSAL'], ['PLACE']),
    properties: { as: { type: 'string', required: true, description: 'What it is recognized as.' } },
  },
  MET_WITH: { description: 'Met.', signatures: one(ACTORS, ACTORS), symmetric: true },
  PLANS_TO_MEET: {
    description: 'A planned meeting.',
    signatures: one(ACTORS, ACTORS),
    properties: {
      ordinal: { type: 'integer', description: 'Which meeting it would be, where the text counts ("a fourth time": 4).' },
    },
  },
  ATTACKED: { description: 'Carried out an attack on.', signatures: one(ACTORS, ['PLACE', ...ACTORS]) },
  REBUKED: { description: 'Publicly rebuked or condemned.', signatures: one(ACTORS, ACTORS) },
  CRITICIZED: { description: 'Criticized.', signatures: one(ACTORS, ACTORS) },
  URGED: {
    description: 'Urged to do something.',
    signatures: one(ACTORS, ACTORS),
    properties: { to: { type: 'string', required: true, description: 'What they were urged to do.' } },
  },
  CANCELLED: { description: 'Called off.', signatures: one(ACTORS, ['EVENT']) },
  ASSERTED: { description: 'Said it is true (stated, declared, insisted, highlighted).', signatures: one(ACTORS, ['CLAIM']) },
  DENIED: { description: 'Said it is false.', signatures: one(ACTORS, ['CLAIM']) },
  REPORTED: { description: 'Reported it.', signatures: one(ACTORS, ['CLAIM']) },
  CONTRADICTS: { description: 'The two claims cannot both hold.', signatures: one(['CLAIM'], ['CLAIM']), symmetric: true },
  ABOUT: { description: 'What the claim is about.', signatures: one(['CLAIM'], ANY) },
  CONCERNS: { description: 'What the proposal or event is about.', signatures: one(['PROPOSAL', 'EVENT'], ANY) },

  // ── Added for the articles ────────────────────────────────────────────────────────────────────────
  AGREED_TO: {
    description: 'Accepted or committed to a measure, short of formally endorsing a framework.',
    signatures: one(ACTORS, ['PROPOSAL']),
  },
  AIMED_FOR: { description: 'Set as a goal to achieve.', signatures: one(ACTORS, ['PROPOSAL']) },
  DEFERRED: { description: 'Put off a decision on.', signatures: one(ACTORS, ['PROPOSAL']) },
  OWNS: { description: 'Owns or controls (a platform, a company).', signatures: one(ACTORS, ['ORGANIZATION']) },
  LEADS: { description: 'Heads an administration, government or organization.', signatures: one(['PERSON'], ['GOVERNMENT', 'ORGANIZATION']) },
  CAPITAL_OF: { description: 'Is the capital city of.', signatures: one(['PLACE'], ['GOVERNMENT']) },

  // ── The rest of the news, one or more per CAMEO root (newsPredicates.ts, codes in cameo.ts) ──────────
  ...NEWS_PREDICATES,
} as const satisfies Record<string, PredicateSpec>;

export type Predicate = keyof typeof PREDICATES;

export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

export function isPredicate(value: unknown): value is Predicate {
  return typeof value === 'string' && Object.hasOwn(PREDICATES, value);
}

export function predicateSpec(predicate: Predicate): PredicateSpec {
  return PREDICATES[predicate];
}

/** True when some signature of the predicate admits this subject kind and object kind. */
export function admits(predicate: Predicate, subject: EntityKind, object: EntityKind): boolean {
  return predicateSpec(predicate).signatures.some((s) => s.subject.includes(subject) && s.object.includes(object));
}

/** "PERSON → GOVERNMENT/ORGANIZATION; ..." for messages and docs. */
export function describeSignatures(predicate: Predicate): string {
  return predicateSpec(predicate)
    .signatures.map((s) => `${s.subject.join('/')} → ${s.object.join('/')}`)
    .join('; ');
}
