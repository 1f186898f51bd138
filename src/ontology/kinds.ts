/**
 * Entity kinds: the fixed vocabulary of ONTOLOGY.md. Every node of the graph has exactly one kind.
 */

export const ENTITY_KINDS = [
  'PERSON',
  'GOVERNMENT',
  'ORGANIZATION',
  'GROUP',
  'PLACE',
  'PROPOSAL',
  'EVENT',
  'CLAIM',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_KIND_DESCRIPTIONS: Readonly<Record<EntityKind, string>> = {
  PERSON: 'A named or unnamed individual.',
  GOVERNMENT: 'A state, its government, or a body of it.',
  ORGANIZATION: 'A non-state organization, company or media platform.',
  GROUP: 'An unnamed collective that acts or speaks ("Ukrainian officials", "critics", "reports").',
  PLACE: 'A geographic or physical location.',
  PROPOSAL: 'A plan, framework, condition, demand or measure that parties can back or reject.',
  EVENT: 'Something that happened, is planned, or was cancelled.',
  CLAIM: 'A proposition that someone asserted, denied, argued or reported.',
};

/** Kinds that can act: propose, meet, attack, assert. */
export const ACTOR_KINDS = ['PERSON', 'GOVERNMENT', 'ORGANIZATION', 'GROUP'] as const satisfies readonly EntityKind[];

/**
 * Kinds declared once in `data/entities.yaml` and shared by every article; events and claims belong to
 * the article that reports them and are declared there.
 */
export const SHARED_KINDS = [
  'PERSON',
  'GOVERNMENT',
  'ORGANIZATION',
  'GROUP',
  'PLACE',
  'PROPOSAL',
] as const satisfies readonly EntityKind[];

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}
