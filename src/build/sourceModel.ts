/**
 * The shapes of the source files once they have passed the JSON Schema (schema/*.schema.json): the types
 * the builder reads. Kept beside sourceSchema.ts, which is the authority on what is allowed.
 */
import type { EventRole, EventStatus, EventType, Modality, Predicate } from '../ontology/index.js';
import type { JsonObject } from '../graph/types.js';
import type { QuoteSpec } from './anchor.js';

export type QuoteSource = string | QuoteSpec;

/** The mark of a drafted fact (sourceSchema.ts `draft`); deleting it accepts the fact. */
export interface DraftMark {
  readonly rule: string;
  readonly confidence: number;
  readonly flags?: readonly string[];
}
export type EvidenceSource = QuoteSource | readonly QuoteSource[];

export interface EntitySource {
  readonly id: string;
  readonly kind: 'PERSON' | 'GOVERNMENT' | 'ORGANIZATION' | 'GROUP' | 'PLACE' | 'PROPOSAL';
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description?: string;
  readonly wikidata?: string;
  readonly properties?: JsonObject;
  readonly draft?: DraftMark;
}

export interface EntitiesFileSource {
  readonly entities: readonly EntitySource[];
}

export interface RoleSource {
  readonly role: EventRole;
  readonly entity: string;
  readonly evidence?: EvidenceSource;
}

export interface EventSource {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description?: string;
  readonly eventType: EventType;
  readonly status: EventStatus;
  readonly time?: string;
  readonly timeText?: string;
  readonly fatalities?: { readonly min?: number; readonly max?: number };
  readonly properties?: JsonObject;
  readonly evidence: EvidenceSource;
  readonly roles?: readonly RoleSource[];
  readonly draft?: DraftMark;
}

/**
 * An event declared in another article, as this article reports it (`eventUpdates:`): the meeting one
 * report planned, which this one says took place. Its status, evidence and any roles it adds are this
 * article's; the event keeps its id, name and type.
 */
export interface EventUpdateSource {
  /** The id of the event, declared under `events:` in another article. */
  readonly event: string;
  readonly status: EventStatus;
  readonly time?: string;
  readonly timeText?: string;
  readonly evidence: EvidenceSource;
  readonly roles?: readonly RoleSource[];
}

export interface ClaimSource {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description?: string;
  readonly modality?: Modality;
  readonly time?: string;
  readonly timeText?: string;
  readonly properties?: JsonObject;
  readonly evidence: EvidenceSource;
  readonly draft?: DraftMark;
}

export interface RelationSource {
  readonly id?: string;
  readonly subject: string;
  readonly predicate: Predicate;
  readonly object: string;
  readonly event?: string;
  readonly negated?: boolean;
  readonly modality?: Modality;
  readonly attributedTo?: string;
  readonly time?: string;
  readonly timeText?: string;
  readonly properties?: JsonObject;
  readonly evidence: EvidenceSource;
  readonly draft?: DraftMark;
}

export interface ArticleFileSource {
  readonly article: {
    readonly id: string;
    readonly title: string;
    readonly text: string;
    /** ISO 8601 date or year-month. */
    readonly published?: string;
    /** The outlet. */
    readonly source?: string;
    readonly url?: string;
  };
  readonly mentions?: Readonly<Record<string, EvidenceSource>>;
  readonly events?: readonly EventSource[];
  readonly eventUpdates?: readonly EventUpdateSource[];
  readonly claims?: readonly ClaimSource[];
  readonly relations?: readonly RelationSource[];
}

/** A quote as written, as a list of specs. */
export function quoteList(evidence: EvidenceSource): QuoteSpec[] {
  const list: readonly QuoteSource[] = Array.isArray(evidence) ? evidence : [evidence as QuoteSource];
  return list.map((q) => (typeof q === 'string' ? { exact: q } : q));
}
