/**
 * Whole records kept with their heavy lists as text until an answer reads them. A hub's record is nearly all
 * `evidence` (every quote naming it) and `articles` (every article naming it): at 100,000 generated articles the
 * largest entity record is 6.6 MB of JSON, 36,908 quotes, and a relation between two hubs 5.3 MB. Answers that
 * only name a hub get its slim copy (slimRecords.ts); the whole record is read when an answer asks for a list
 * (partialRecords.ts), and most such answers read one list of the two: `articleCount` and the explorer's articles
 * read `articles` (an entity's) or `evidence` (a relation's), a page of `evidence` one list. Parsing the whole
 * record built every quote object (about 1.3 bytes of heap per JSON character, measured) whichever was asked.
 *
 * So a large whole record's text (`doc::text`) is cut in parts (`splitRecord`): the record with the heavy
 * lists' values replaced by `null` (the keys kept in place, so that they keep their order), and each list's JSON
 * text. The record is parsed from the first part; each list is a getter that parses its text on first read and
 * keeps the result (letting the text go). Readers see an ordinary record: same keys in the same order, same values
 * (`JSON.stringify`, spreads and jest's equality read the getters).
 *
 * Rejected: cutting the record in SQL (`json_each`
 * and `->` on the `json` column: PostgreSQL parsed a 6.6 MB record once per part, 3 to 5 times the time of the
 * plain read); `jsonb` operators (`jsonb` reorders object keys, and the API would print `properties` in another
 * order).
 */

/** The lists kept as text until read: the large part of a hub's record. */
export const HEAVY_FIELDS = ['evidence', 'articles'] as const;
type HeavyField = (typeof HEAVY_FIELDS)[number];

/** JSON characters from which a record read is cut in parts (below, parsing it whole costs little). */
export const SPLIT_FROM = 8_192;

/** A record as read: whole, or in parts. */
export type StoredRecord = { readonly doc: string } | { readonly light: string; readonly evidence: string | null; readonly articles: string | null };

/** A record's text as stored: in parts when it is large and has heavy lists, else whole. */
export function storedRecord(text: string): StoredRecord {
  return text.length >= SPLIT_FROM ? splitRecord(text) : { doc: text };
}

/** JSON characters of a stored record (what a cache counts). */
export function storedLength(stored: StoredRecord): number {
  if ('doc' in stored) return stored.doc.length;
  return stored.light.length + (stored.evidence?.length ?? 0) + (stored.articles?.length ?? 0);
}

/** The record: parsed whole, or from its parts with its heavy lists parsed on first read. */
export function recordOf<T>(stored: StoredRecord): T {
  if ('doc' in stored) return JSON.parse(stored.doc) as T;
  const record = JSON.parse(stored.light) as Record<string, unknown>;
  for (const field of HEAVY_FIELDS) {
    let text = stored[field];
    if (text === null) continue;
    let value: unknown;
    // Redefining an existing key keeps its place in the key order.
    Object.defineProperty(record, field, {
      enumerable: true,
      configurable: true,
      get() {
        if (text !== null) {
          value = JSON.parse(text);
          text = null;
        }
        return value;
      },
    });
  }
  return record as T;
}

/**
 * The record as plain data: its getters read (a heavy list parsed if it was not yet) into a copy's own data properties,
 * in the same key order. For a library's caller (PostgresStore `wholeEntity`), who may copy, freeze, compare or
 * serialize it without meeting a getter; the record kept in the cache stays as it was.
 */
export function plainRecord<T extends object>(record: T): T {
  return { ...record };
}

/**
 * A record's JSON text (an object, as JSON.stringify wrote it) in parts: the text with the heavy lists' values
 * replaced by `null`, and each list's text. One pass over the top level, strings skipped with indexOf, without
 * parsing the lists: a fraction of the time of JSON.parse on a hub's record. Text that is not an object, or has
 * no heavy list, is returned whole (JSON.parse then judges it).
 */
export function splitRecord(text: string): StoredRecord {
  const found = new Map<HeavyField, readonly [number, number]>();
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return { doc: text };
  i = skipSpace(text, i + 1);
  while (i < text.length && text.charCodeAt(i) === QUOTE) {
    const keyEnd = stringEnd(text, i);
    const key = text.slice(i + 1, keyEnd - 1);
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) return { doc: text };
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = valueEndAt(text, valueStart);
    if (key === 'evidence' || key === 'articles') found.set(key, [valueStart, valueEnd]);
    i = skipSpace(text, valueEnd);
    if (text.charCodeAt(i) !== COMMA) break;
    i = skipSpace(text, i + 1);
  }
  if (found.size === 0) return { doc: text };
  let light = '';
  let at = 0;
  for (const [from, to] of [...found.values()].sort((a, b) => a[0] - b[0])) {
    light += `${text.slice(at, from)}null`;
    at = to;
  }
  light += text.slice(at);
  const part = (field: HeavyField): string | null => {
    const span = found.get(field);
    return span === undefined ? null : text.slice(span[0], span[1]);
  };
  return { light, evidence: part('evidence'), articles: part('articles') };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function skipSpace(text: string, i: number): number {
  let at = i;
  for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at));
  return at;
}

/** The index after the string that opens at `i` (a quote). */
function stringEnd(text: string, i: number): number {
  let at = i + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** The index after the value that starts at `i`: a string, an array or object (brackets counted outside strings), or a literal. */
function valueEndAt(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return stringEnd(text, i);
  let at = i;
  if (first === OPEN_BRACKET || first === OPEN_BRACE) {
    let depth = 0;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === QUOTE) {
        at = stringEnd(text, at);
        continue;
      }
      if (c === OPEN_BRACKET || c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        depth--;
        if (depth === 0) return at + 1;
      }
      at++;
    }
    return text.length;
  }
  for (let c = text.charCodeAt(at); at < text.length && c !== COMMA && c !== CLOSE_BRACE; c = text.charCodeAt(++at));
  return at;
}
