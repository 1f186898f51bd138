/**
 * The IRI scheme of the data: every entity, relation, article, sentence and evidence anchor gets a stable IRI
 * under one configurable base, built from ids alone (never from names or positions in a file), so that two
 * exports of the same data, or of two subgraphs of it, name the same thing the same way.
 */
import { NewsgraphError } from '../../errors.js';
import { NAMESPACE_PREFIXES } from './vocabulary.js';

/** @default */
export const DEFAULT_BASE_IRI = 'https://newsgraph.dev/id/';

/** The prefixes the Turtle and JSON-LD outputs give the base's own folders. */
export const BASE_PREFIXES = ['entity', 'relation', 'article'] as const;

export type BasePrefix = (typeof BASE_PREFIXES)[number];

/** Characters that may not appear in an IRI as N-Triples and Turtle write it (IRIREF), besides controls and space. */
const FORBIDDEN_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export class RdfIris {
  /** The base, ending in "/" or "#". */
  readonly base: string;

  /**
   * @param baseIri An absolute IRI; "/" is appended unless it already ends in "/" or "#".
   * @default DEFAULT_BASE_IRI
   * @throws NewsgraphError BAD_USER_INPUT when baseIri is not an absolute IRI.
   */
  constructor(baseIri: string = DEFAULT_BASE_IRI) {
    this.base = normalizeBase(baseIri);
  }

  /** `<base>entity/`, `<base>relation/`, `<base>article/`: the folders the prefixes name. */
  folder(prefix: BasePrefix): string {
    return `${this.base}${prefix}/`;
  }

  entity(id: string): string {
    return this.folder('entity') + segment(id);
  }

  relation(id: string): string {
    return this.folder('relation') + segment(id);
  }

  article(id: string): string {
    return this.folder('article') + segment(id);
  }

  sentence(articleId: string, index: number): string {
    return `${this.article(articleId)}/sentence/${index}`;
  }

  /** The N-th (0-based) evidence anchor of a relation or entity: `<owner>/evidence/N`. */
  evidence(ownerIri: string, index: number): string {
    return `${ownerIri}/evidence/${index}`;
  }

  /** The parts of an evidence anchor: the oa:SpecificResource and its two selectors. */
  evidencePart(evidenceIri: string, part: 'target' | 'quote' | 'position'): string {
    return `${evidenceIri}/${part}`;
  }

  /** The N-th (0-based, publication order) report of an event's status: `<event>/history/N`. */
  statusReport(eventIri: string, index: number): string {
    return `${eventIri}/history/${index}`;
  }

  /** A node for a structured property value (an event's `fatalities`): `<owner>/KEY`. */
  propertyNode(ownerIri: string, key: string): string {
    return `${ownerIri}/${segment(key)}`;
  }
}

/** An id as one path segment: percent-encoded, so that "/", "#", spaces or quotes in an id cannot break the IRI. */
function segment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch (error) {
    // encodeURIComponent refuses only lone surrogates, which no text read from a UTF-8 file contains.
    throw new NewsgraphError('DATA_INVALID', `The id ${JSON.stringify(id)} is not well-formed Unicode.`, { cause: error });
  }
}

function normalizeBase(baseIri: string): string {
  const scheme = SCHEME.exec(baseIri)?.[1];
  if (scheme === undefined || FORBIDDEN_IN_IRI.test(baseIri)) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      `The base IRI ${JSON.stringify(baseIri)} is not an absolute IRI: give one like "${DEFAULT_BASE_IRI}" ` +
        '(a scheme, then no spaces, quotes, angle brackets or backslashes).',
    );
  }
  // JSON-LD reads "entity:x" as a compact IRI when "entity" is a term of the context: a base whose scheme is one of
  // our prefixes would be misread there.
  const reserved: readonly string[] = [...NAMESPACE_PREFIXES, ...BASE_PREFIXES];
  if (reserved.includes(scheme.toLowerCase())) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      `The base IRI ${JSON.stringify(baseIri)} uses the scheme "${scheme}", which is one of the export's prefixes ` +
        `(${reserved.join(', ')}): use an http(s) IRI such as "${DEFAULT_BASE_IRI}".`,
    );
  }
  return baseIri.endsWith('/') || baseIri.endsWith('#') ? baseIri : `${baseIri}/`;
}
