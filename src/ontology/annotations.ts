/**
 * Annotations: the properties any relation or event may carry besides its predicate's own (predicates.ts).
 * They qualify how the article states a fact (its verb, manner, extent) or how the encoder read it (a note,
 * the source of background knowledge). A key that is neither a predicate's property nor listed here is
 * refused, so that a typo ("ordinl") is caught instead of silently read as another annotation.
 */

export interface AnnotationSpec {
  readonly description: string;
}

/** Properties any stated relation (and any event) may carry. */
export const STATEMENT_ANNOTATIONS = {
  verb: { description: 'The verb the article uses for it ("insisted", "acknowledged").' },
  manner: { description: 'How it was done or said, in the article\'s words ("vehemently").' },
  extent: { description: 'How much of the object it concerns ("large portions").' },
  inResponseTo: { description: 'What it answered or reacted to.' },
  count: { description: 'How many times it happened, where the text counts.' },
  term: { description: 'Which term of office (2 for a second term).' },
  previously: { description: 'True when the text places it before the time of the report.' },
  selfImposed: { description: 'True when the subject set it for itself (a self-imposed deadline).' },
  dateSpecified: { description: 'Whether the text gives a date for it.' },
  timeResolution: { description: 'How `time` was worked out from the text\'s own words.' },
  source: { description: 'Where a background fact comes from (required when modality is background).' },
  note: { description: "The encoder's note to a reviewer." },
} as const satisfies Record<string, AnnotationSpec>;

/** Properties an event may carry besides the statement annotations and its projections' properties. */
export const EVENT_ANNOTATIONS = {
  weapons: { description: 'The weapons used (an attack), as a list ("missile", "drone").' },
  public: { description: 'True when it was done in public (a public rebuke).' },
  level: { description: 'The level of the talks or meeting ("high-level").' },
  record: { description: 'How the text ranks it against earlier events, in its words ("the deadliest assault on the capital since …").' },
  recordSince: { description: 'Since when it holds that record ("summer 2024").' },
} as const satisfies Record<string, AnnotationSpec>;

export type StatementAnnotation = keyof typeof STATEMENT_ANNOTATIONS;
export type EventAnnotation = keyof typeof EVENT_ANNOTATIONS;
