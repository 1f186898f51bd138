/**
 * XML escaping by table, shared by our GraphML writer and the values we hand to graphology-gexf.
 * One table serves attribute values and text content: escaping `\n`, `\r` and `\t` as character references
 * keeps them through attribute-value normalization (XML 1.0 §3.3.3), which would turn them into spaces, and
 * keeps a `\r` in text content from being read back as `\n` (§2.11).
 */

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const NEEDS_ESCAPE = /[&<>"'\t\n\r]/g;

/**
 * Characters that XML 1.0 cannot carry at all, not even as character references (§2.2): C0 controls other
 * than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** U+FFFD REPLACEMENT CHARACTER stands for what XML cannot carry; the JSON and RDF exports keep it. */
export const XML_REPLACEMENT = '\uFFFD';

/** The string with every character XML 1.0 cannot carry replaced by U+FFFD; everything else untouched. */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, XML_REPLACEMENT);
}

/** Escapes a string for an attribute value (either quote) or text content. */
export function escapeXml(value: string): string {
  return xmlSafe(value).replace(NEEDS_ESCAPE, (c) => XML_ESCAPES[c] ?? c);
}
