/**
 * Literals with the datatype a SPARQL user expects: integers as xsd:integer, flags as xsd:boolean, resolved
 * calendar values as xsd:date / xsd:dateTime / xsd:gYearMonth / xsd:gYear, everything else a plain string.
 * Lexical forms are canonical, so that Turtle, N-Triples and JSON-LD (whose numbers and booleans are native JSON)
 * denote the very same literal.
 */
import { DataFactory, type Literal } from 'n3';
import { rdf, xsd } from './vocabulary.js';

const { literal, namedNode } = DataFactory;

export function stringLiteral(value: string): Literal {
  return literal(value);
}

export function booleanLiteral(value: boolean): Literal {
  return literal(String(value), namedNode(xsd('boolean')));
}

/** Safe integers as xsd:integer; other numbers as xsd:double (String() of a double is a valid xsd:double). */
export function numberLiteral(value: number): Literal {
  if (Number.isSafeInteger(value)) return literal(String(value), namedNode(xsd('integer')));
  return literal(String(value), namedNode(xsd('double')));
}

/** An address (an article's url) as xsd:anyURI: a literal, so that no character of it can break an IRI. */
export function uriLiteral(value: string): Literal {
  return literal(value, namedNode(xsd('anyURI')));
}

/** oa:start and oa:end are xsd:nonNegativeInteger in the Web Annotation vocabulary. */
export function offsetLiteral(value: number): Literal {
  return literal(String(value), namedNode(xsd('nonNegativeInteger')));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/**
 * A time value as a typed literal when it is a single calendar value, else (an interval such as "../2025-04-29",
 * a duration, a free text) as a plain string: the lexical form is always the data's own.
 */
export function timeLiteral(value: string): Literal {
  const date = DATE.exec(value);
  if (date !== null && isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    return literal(value, namedNode(xsd('date')));
  }
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return literal(value, namedNode(xsd('dateTime')));
  if (YEAR_MONTH.test(value)) return literal(value, namedNode(xsd('gYearMonth')));
  if (YEAR.test(value)) return literal(value, namedNode(xsd('gYear')));
  return literal(value);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A JSON value nobody gave a structure to (an array, null) as one rdf:JSON literal, canonical and lossless. */
export function jsonLiteral(value: unknown): Literal {
  return literal(JSON.stringify(value), namedNode(rdf('JSON')));
}
