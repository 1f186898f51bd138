/**
 * Graphviz text by table. Names go into HTML-like labels (`label=<…>`), whose only escapes are XML's: in a
 * quoted label a backslash starts an escString sequence (`\N` is the node's name, `\n` a line break), so a
 * name with a backslash could not be shown as written. Line breaks become `<BR/>`.
 * Node identifiers are quoted strings, where Graphviz unescapes only `\"`: an id that holds a backslash or
 * a line break cannot be written exactly, and the writer gives it a stand-in id (see dot.ts).
 */
import { xmlSafe } from './xml.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\r': '&#13;',
  '\n': '<BR/>',
};

const NEEDS_ESCAPE = /[&<>"'\t\r\n]/g;

/** The inside of an HTML-like label showing `value` as written, line breaks included. */
export function dotHtmlText(value: string): string {
  return xmlSafe(value).replace(NEEDS_ESCAPE, (c) => HTML_ESCAPES[c] ?? c);
}

/** True when `"${id}"` (with `"` escaped) names exactly `id` in DOT. */
export function isExactDotId(id: string): boolean {
  return !/[\\\r\n]/.test(id) && xmlSafe(id) === id;
}

/** A quoted DOT identifier; only for ids that `isExactDotId` accepts. */
export function dotQuotedId(id: string): string {
  return `"${id.replace(/"/g, '\\"')}"`;
}
