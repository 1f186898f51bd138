/**
 * The typed graph: one graphology MultiDirectedGraph whose node attributes are a union keyed on `kind`
 * and whose edge attributes are relations. Everything downstream (API, exports) reads these types.
 */
import type { MultiDirectedGraph } from 'graphology';
import type { EntityKind, EventRole, EventStatus, EventType, Modality, Predicate } from '../ontology/index.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A W3C Web Annotation text anchor: TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector
 * (start, end) into the article text, in Unicode code points, end exclusive.
 */
export interface Evidence {
  readonly article: string;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  /** 0-based index of the sentence that holds `start`. */
  readonly sentence: number;
}

interface EntityBase {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  readonly wikidata?: string;
  /** Where the article names it (mentions) or states it (events, claims); never empty. */
  readonly evidence: readonly Evidence[];
  /** Ids of the articles that mention it. */
  readonly articles: readonly string[];
  /** True while a drafted entity (see `newsgraph extract`) has not been accepted by a reviewer. */
  readonly draft?: boolean;
}

/** One report of an event's status: the event as one article saw it. */
export interface EventStatusChange {
  readonly status: EventStatus;
  /** The article that reports this status. */
  readonly article: string;
  /** That article's publication date, when it has one. */
  readonly published?: string;
}

export interface Fatalities {
  readonly min?: number;
  readonly max?: number;
}

export interface EventProperties extends JsonObjectLike {
  readonly eventType: EventType;
  readonly status: EventStatus;
  readonly time?: string;
  readonly timeText?: string;
  readonly fatalities?: Fatalities;
  readonly ordinal?: number;
}

export interface ClaimProperties extends JsonObjectLike {
  /** The claim's own modality: "alleged" for "allegedly being overly sympathetic". */
  readonly modality: Modality;
  readonly time?: string;
  readonly timeText?: string;
}

/** Free-form facts of kinds that have no fixed properties (a title, a duration). */
type JsonObjectLike = { readonly [key: string]: JsonValue | undefined | Fatalities };

export interface EventAttributes extends EntityBase {
  readonly kind: 'EVENT';
  /** `status` is the current one: the latest by publication date of the articles that report it. */
  readonly properties: EventProperties;
  /** Each article's report of the status, in publication order; absent before any article refers back to it. */
  readonly history?: readonly EventStatusChange[];
}

export interface ClaimAttributes extends EntityBase {
  readonly kind: 'CLAIM';
  readonly properties: ClaimProperties;
}

export interface PlainEntityAttributes extends EntityBase {
  readonly kind: Exclude<EntityKind, 'EVENT' | 'CLAIM'>;
  readonly properties: JsonObject;
}

export type EntityAttributes = EventAttributes | ClaimAttributes | PlainEntityAttributes;

/** How a relation came to be: written in the data, a role edge of an event, or projected from an event. */
export type RelationOrigin = 'stated' | 'role' | 'projection';

export interface RelationAttributes {
  readonly id: string;
  /** A predicate of the ontology, or an event role name for role edges. */
  readonly predicate: Predicate | EventRole;
  readonly subject: string;
  readonly object: string;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly attributedTo?: string;
  /** Resolved ISO 8601 date or interval ("../2025-04-29"); the words are in properties.timeText. */
  readonly time?: string;
  readonly properties: JsonObject;
  /** Anchors in every article that states it: one relation per fact, however many articles state it. */
  readonly evidence: readonly Evidence[];
  /** True while a drafted fact (see `newsgraph extract`) has not been accepted by a reviewer. */
  readonly draft?: boolean;
  /** The EVENT it is a role of, was projected from, or was stated in. */
  readonly event?: string;
  readonly origin: RelationOrigin;
  readonly symmetric: boolean;
}

/** A sentence as a span of the article text, in code points. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

export interface ArticleRecord {
  readonly id: string;
  readonly title: string;
  /** ISO 8601 date (or year-month) of publication. */
  readonly published?: string;
  /** The outlet. */
  readonly source?: string;
  readonly url?: string;
  /** The article file verbatim; evidence offsets index into it in code points. */
  readonly text: string;
  readonly sentences: readonly SentenceSpan[];
}

export interface GraphAttributes {
  readonly articles: readonly ArticleRecord[];
}

export type NewsGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>;
