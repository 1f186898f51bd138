/**
 * Cypher string literals by table (openCypher 9, "String literal" escapes; Neo4j 5 and Memgraph read them
 * alike). Values are written as escaped literals rather than `:param`s so that the script runs unchanged in
 * cypher-shell, Neo4j Browser and mgconsole. Inside single quotes only the backslash and the quote can end
 * or bend a literal; control characters are escaped so that the script stays one statement per line.
 */

const CYPHER_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const NEEDS_ESCAPE = /[\\'\u0000-\u001F\u007F\u2028\u2029]/g;

function escapeChar(c: string): string {
  return CYPHER_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `'…'`: a single-quoted Cypher string literal whose value is exactly `value`. */
export function cypherString(value: string): string {
  return `'${value.replace(NEEDS_ESCAPE, escapeChar)}'`;
}

/** cypherString of a value given in parts, for a value too long to be one string: escaping is character by character. */
export function* cypherStringParts(parts: Iterable<string>): Generator<string> {
  yield "'";
  for (const part of parts) yield part.replace(NEEDS_ESCAPE, escapeChar);
  yield "'";
}

/** Labels, relationship types and property keys: only names of the fixed vocabulary, checked here. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A label, type or property key as a backticked Cypher name. Names come from the ontology, never from data;
 * the check keeps it that way should a caller pass something else.
 * @throws Error when the name is not a plain identifier.
 */
export function cypherName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`cypher: "${name}" is not a vocabulary name (letters, digits and _ only)`);
  return `\`${name}\``;
}
