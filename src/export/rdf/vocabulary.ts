/**
 * The RDF vocabulary of the exports: the namespaces we borrow (RDF, RDFS, OWL, XSD, schema.org, the W3C Web
 * Annotation vocabulary, PROV-O, Wikidata) and our own `ng:` terms, with the sentence that describes each.
 * One table, so that Turtle, N-Triples and JSON-LD cannot disagree on a name (tests hold docs/rdf.md to it).
 */
import {
  ENTITY_KINDS,
  ENTITY_KIND_DESCRIPTIONS,
  EVENT_ROLES,
  PREDICATES,
  PREDICATE_NAMES,
  isEventRole,
  isPredicate,
  predicateSpec,
  type EntityKind,
  type EventRole,
  type Predicate,
} from '../../ontology/index.js';

/** Namespace IRIs, keyed by the prefix the Turtle and JSON-LD outputs use for them. */
export const NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  wd: 'http://www.wikidata.org/entity/',
  /** Ours: kinds, predicates, roles and qualifiers. Fixed, whatever the data's base IRI. */
  ng: 'https://newsgraph.dev/ns#',
} as const;

export type NamespacePrefix = keyof typeof NAMESPACES;

export const NAMESPACE_PREFIXES = Object.keys(NAMESPACES) as NamespacePrefix[];

const ns =
  <P extends NamespacePrefix>(prefix: P) =>
  (local: string): string =>
    NAMESPACES[prefix] + local;

export const rdf = ns('rdf');
export const rdfs = ns('rdfs');
export const owl = ns('owl');
export const xsd = ns('xsd');
export const schema = ns('schema');
export const oa = ns('oa');
export const prov = ns('prov');
export const wd = ns('wd');
export const ng = ns('ng');

/** The schema.org class of each kind, where schema.org has one; GROUP and PROPOSAL have only their ng: class. */
export function schemaClassOf(kind: EntityKind): string | null {
  switch (kind) {
    case 'PERSON':
      return schema('Person');
    case 'GOVERNMENT':
      return schema('GovernmentOrganization');
    case 'ORGANIZATION':
      return schema('Organization');
    case 'PLACE':
      return schema('Place');
    case 'EVENT':
      return schema('Event');
    case 'CLAIM':
      return schema('Claim');
    case 'GROUP':
    case 'PROPOSAL':
      return null;
    default: {
      const unreachable: never = kind;
      throw new Error(`Unhandled entity kind ${String(unreachable)}`);
    }
  }
}

/** `ng:Person` for PERSON: every kind has its own class, so a kind is always one `rdf:type` away. */
export function kindClassName(kind: EntityKind): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

export function kindClass(kind: EntityKind): string {
  return ng(kindClassName(kind));
}

/** The ng: classes that are not kinds. */
export const NG_CLASSES = {
  Relation: {
    description:
      'A relation of the graph as a statement node (an rdf:Statement): its subject, predicate and object, and its qualifiers. ' +
      'It describes the triple; only when ng:negated is false (and the modality is not hypothetical) is the triple also asserted directly.',
    subClassOf: rdf('Statement'),
  },
  Sentence: { description: 'A sentence of an article, as a span of its text in Unicode code points.', subClassOf: null },
  StatusReport: {
    description:
      "One article's report of an event's status: ng:status, the article (prov:wasDerivedFrom), its date (schema:datePublished) " +
      "and its place in the event's history (ng:order). The event's own ng:status is the latest report's.",
    subClassOf: null,
  },
} as const;

/** The ng: properties that are not predicates, roles or free-form properties. */
export const NG_PROPERTIES = {
  negated: 'True when the article says the relation does NOT hold; such a relation is never asserted as a direct triple.',
  modality: 'How the article stands behind the statement: asserted, reported, planned, hypothetical, alleged or background.',
  attributedTo: 'The actor whose statement it is, where the article attributes it.',
  time: 'The resolved ISO 8601 date or interval ("../2025-04-29"); the words of the text are in ng:timeText.',
  event: 'The EVENT the relation is a role of, was projected from, or was stated in.',
  origin: 'How the relation came to be: "stated" in the data, a "role" edge of an event, or a "projection" of an event.',
  symmetric: 'True for symmetric predicates (MET_WITH, CONTRADICTS): stored once, holding in both directions.',
  evidence: 'An oa:Annotation whose target is the quote of the article that states this relation or names this entity.',
  sentence: 'The sentence of the article that holds the start of the quote.',
  source: 'The outlet the article comes from, as the data gives it (its address is schema:url).',
  history: "An article's report of the status of this event (an ng:StatusReport), one per reporting article.",
  order: "The 0-based place of a status report in its event's history, in publication order.",
  index: 'The 0-based position of the sentence in its article.',
  start: 'The offset of the first code point of the sentence in the article text.',
  end: 'The offset just past the last code point of the sentence (end exclusive).',
} as const;

export type NgProperty = keyof typeof NG_PROPERTIES;

/** The IRI of a fixed ng: property; typed, so that a misspelt one does not compile. */
export function ngProperty(name: NgProperty): string {
  return ng(name);
}

/** The IRI of a predicate or event role: `ng:REJECTED`, `ng:AGENT`. */
export function predicateIri(predicate: Predicate | EventRole): string {
  return ng(predicate);
}

/** The ng: IRI of a free-form property key (`title`, `over`, `eventType`, `fatalities`, ...). */
export function propertyIri(key: string): string {
  return ng(encodeURIComponent(key));
}

/** What the vocabulary says about one of its own terms, for the declarations written with the data. */
export interface TermDescription {
  readonly label: string;
  readonly comment?: string;
  readonly types: readonly string[];
  readonly subClassOf?: string;
}

const KIND_BY_CLASS_NAME = new Map(ENTITY_KINDS.map((kind) => [kindClassName(kind), kind] as const));

/** An own key of `table`: local names come from data (free-form property keys), so "toString" must not find Object.prototype's. */
function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Describes an ng: term by its local name; a free-form property key nobody described gets only its label. */
export function describeNgTerm(local: string): TermDescription {
  const kind = KIND_BY_CLASS_NAME.get(local);
  if (kind !== undefined) {
    const schemaClass = schemaClassOf(kind);
    return {
      label: kind,
      comment: ENTITY_KIND_DESCRIPTIONS[kind],
      types: [rdfs('Class')],
      ...(schemaClass === null ? {} : { subClassOf: schemaClass }),
    };
  }
  if (isKeyOf(NG_CLASSES, local)) {
    const spec = NG_CLASSES[local];
    return {
      label: local,
      comment: spec.description,
      types: [rdfs('Class')],
      ...(spec.subClassOf === null ? {} : { subClassOf: spec.subClassOf }),
    };
  }
  if (isPredicate(local)) {
    const spec = PREDICATES[local];
    const symmetric = 'symmetric' in spec && spec.symmetric === true;
    return {
      label: local,
      comment: spec.description,
      types: symmetric ? [rdf('Property'), owl('SymmetricProperty')] : [rdf('Property')],
    };
  }
  if (isEventRole(local)) {
    return { label: local, comment: `Event role: ${EVENT_ROLES[local].description}`, types: [rdf('Property')] };
  }
  if (isKeyOf(NG_PROPERTIES, local)) {
    return { label: local, comment: NG_PROPERTIES[local], types: [rdf('Property')] };
  }
  const key = safeDecode(local);
  const comment = isKeyOf(PROPERTY_DESCRIPTIONS, key) ? PROPERTY_DESCRIPTIONS[key] : predicatePropertyDescription(key);
  return { label: key, ...(comment === undefined ? {} : { comment }), types: [rdf('Property')] };
}

/** Free-form property keys of entities and relations that the ontology fixes outside the predicates' own specs. */
const PROPERTY_DESCRIPTIONS = {
  timeText: 'The words of the text for the time (ng:time holds the resolved value).',
  eventType: 'The type of an event: MEETING, ATTACK, REBUKE, ...',
  status: 'Whether an event occurred, is planned, was cancelled, or is ongoing.',
  fatalities: 'How many died, as a node with ng:min and/or ng:max.',
  min: 'The least value of a range ("at least 12").',
  max: 'The greatest value of a range.',
} as const;

/** The description a predicate's property spec gives for this key (`title`, `over`, `as`, `to`, `ordinal`). */
function predicatePropertyDescription(key: string): string | undefined {
  for (const predicate of PREDICATE_NAMES) {
    const properties = predicateSpec(predicate).properties ?? {};
    if (Object.hasOwn(properties, key)) return properties[key]?.description;
  }
  return undefined;
}

function safeDecode(local: string): string {
  try {
    return decodeURIComponent(local);
  } catch {
    return local;
  }
}
