/**
 * RFC 4180 fields. A field is quoted when it holds the delimiter, a quote, CR or LF, and a quote inside is
 * doubled. An empty string is written `""`: neo4j-admin reads a quoted empty field as the empty string and
 * an unquoted empty field as no value, so "empty" and "absent" stay apart.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: `undefined` is the empty unquoted field (no value); every string round-trips exactly. */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '' || NEEDS_QUOTES.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** One record, CRLF-terminated as RFC 4180 §2 asks. */
export function csvRecord(fields: readonly (string | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * csvField of a value given in parts, for a value too long to be one string, that is known to need quotes (a list's
 * JSON text of two items or more holds a comma): the opening quote, each part with its quotes doubled, the closing quote.
 */
export function* quotedFieldParts(parts: Iterable<string>): Generator<string> {
  yield '"';
  for (const part of parts) yield part.replace(/"/g, '""');
  yield '"';
}
