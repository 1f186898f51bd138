/**
 * When two statements are the same fact: the builder merges statements of one fact (from several articles,
 * or twice in one) into one relation whose evidence holds every anchor. A fact is its subject, predicate,
 * object, polarity and the properties that tell two facts of one predicate apart: Trump's position as
 * "President" and a position as "Special Envoy" are two facts; the words used for the time are not.
 * docs/design-choices.md ("Facts merged across articles") gives the whole rule and the alternatives.
 */
import type { EventRole } from './events.js';
import type { Modality } from './modality.js';
import { isPredicate, predicateSpec, type Predicate } from './predicates.js';

/**
 * The properties that identify a fact of each predicate. A predicate missing here is identified by every
 * property its spec declares (so a new predicate never merges facts that may differ); list it here with
 * fewer (or `[]`) when some of its properties only describe the fact.
 */
export const IDENTIFYING_PROPERTIES: Readonly<Partial<Record<Predicate, readonly string[]>>> = {
  /** Two offices of one person are two facts. */
  HOLDS_POSITION: ['title'],
  /** Preferring A over B and A over C are two preferences. */
  PREFERS: ['over'],
  /** Recognizing Crimea "as Russian territory" and "as disputed" are two recognitions. */
  RECOGNIZES: ['as'],
  /** The fourth and the fifth planned meeting are two plans. */
  PLANS_TO_MEET: ['ordinal'],
  /** Urged to halt the attacks, urged to sign: two acts. */
  URGED: ['to'],
};

/** Properties that never identify a fact: the text's own words for the time, a background fact's source. */
export const DESCRIPTIVE_PROPERTIES: readonly string[] = ['timeText', 'source'];

/** The names of the properties that identify a fact of this predicate; an event role has none. */
export function identifyingProperties(predicate: Predicate | EventRole): readonly string[] {
  if (!isPredicate(predicate)) return [];
  const listed = IDENTIFYING_PROPERTIES[predicate];
  if (listed) return listed;
  return Object.keys(predicateSpec(predicate).properties ?? {}).filter((name) => !DESCRIPTIVE_PROPERTIES.includes(name));
}

/**
 * Modalities from the most certain to the least: a fact that one article asserts and another reports is
 * asserted. `planned` and `hypothetical` rank below the others because they say the fact may not (yet) hold;
 * `background` last, since no article states it.
 */
export const MODALITY_CERTAINTY: readonly Modality[] = ['asserted', 'reported', 'alleged', 'planned', 'hypothetical', 'background'];

/** The more certain of two modalities (MODALITY_CERTAINTY). */
export function moreCertain(a: Modality, b: Modality): Modality {
  return MODALITY_CERTAINTY.indexOf(b) < MODALITY_CERTAINTY.indexOf(a) ? b : a;
}
