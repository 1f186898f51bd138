/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, `\N` for null, and backslash, tab, newline
 * and carriage return escaped (https://www.postgresql.org/docs/15/sql-copy.html, "Text Format"). Articles hold
 * every one of these characters, so the escaping is by table and complete.
 */

export type CopyValue = string | number | boolean | null | undefined;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/gu;

/** One value as a COPY text field. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`COPY: ${value} is not a finite number`);
    return String(value);
  }
  return value.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? c);
}

/** One row as a COPY text line, newline included. */
export function copyRow(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}
