/**
 * Events are nodes with role edges; each event type names the binary predicate it projects to
 * (ONTOLOGY.md, "Events are nodes; binary relations are their projections").
 */
import { ACTOR_KINDS, type EntityKind } from './kinds.js';
import type { Predicate } from './predicates.js';
import { NEWS_EVENT_TYPES } from './newsEventTypes.js';

export const EVENT_ROLES = {
  AGENT: { description: 'Who did it.', fillers: ACTOR_KINDS },
  PARTICIPANT: { description: 'Who took part.', fillers: ACTOR_KINDS },
  TARGET: { description: 'Whom or what it was aimed at.', fillers: [...ACTOR_KINDS, 'PLACE', 'EVENT', 'PROPOSAL'] },
  LOCATION: { description: 'Where it happened.', fillers: ['PLACE'] },
  MEDIUM: { description: 'Through which channel (a platform, a broadcaster).', fillers: ['ORGANIZATION'] },
  CAUSE: { description: 'Another event or claim that led to it.', fillers: ['EVENT', 'CLAIM'] },
} as const satisfies Record<string, { description: string; fillers: readonly EntityKind[] }>;

export type EventRole = keyof typeof EVENT_ROLES;

export const EVENT_ROLE_NAMES = Object.keys(EVENT_ROLES) as EventRole[];

export function isEventRole(value: unknown): value is EventRole {
  return typeof value === 'string' && Object.hasOwn(EVENT_ROLES, value);
}

export function roleAdmits(role: EventRole, kind: EntityKind): boolean {
  return (EVENT_ROLES[role].fillers as readonly EntityKind[]).includes(kind);
}

export const EVENT_STATUSES = ['occurred', 'planned', 'cancelled', 'ongoing'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * How an event type projects to a binary predicate. `pairs`: which role fills the subject and which the
 * object; `all-pairs` relates every two of the listed roles' fillers (symmetric predicates).
 * A planned event projects to `planned` instead of `predicate`, when given; a cancelled one projects nothing.
 */
export interface Projection {
  readonly predicate: Predicate;
  readonly planned?: Predicate;
  readonly from: readonly EventRole[];
  readonly to: readonly EventRole[] | 'all-pairs';
}

export const EVENT_TYPES = {
  MEETING: {
    description: 'A meeting between its agents and participants.',
    projection: { predicate: 'MET_WITH', planned: 'PLANS_TO_MEET', from: ['AGENT', 'PARTICIPANT'], to: 'all-pairs' },
  },
  ATTACK: { description: 'An armed attack.', projection: { predicate: 'ATTACKED', from: ['AGENT'], to: ['TARGET'] } },
  REBUKE: { description: 'A public rebuke or condemnation.', projection: { predicate: 'REBUKED', from: ['AGENT'], to: ['TARGET'] } },
  CRITICISM: { description: 'Criticism of someone.', projection: { predicate: 'CRITICIZED', from: ['AGENT'], to: ['TARGET'] } },
  CANCELLATION: {
    description: 'Calling off a planned event.',
    projection: { predicate: 'CANCELLED', from: ['AGENT'], to: ['TARGET'] },
  },
  NEGOTIATION: { description: 'Talks between parties.', projection: null },
  WAR: { description: 'An armed conflict.', projection: null },
  STATEMENT: { description: 'A public statement or announcement.', projection: null },
  // The rest of the news (newsEventTypes.ts; CAMEO codes in cameo.ts).
  ...NEWS_EVENT_TYPES,
} as const satisfies Record<string, { description: string; projection: Projection | null }>;

export type EventType = keyof typeof EVENT_TYPES;

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value);
}

export function projectionOf(eventType: EventType): Projection | null {
  return EVENT_TYPES[eventType].projection;
}
