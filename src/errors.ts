/**
 * The error classes of newsgraph. Each has a stable `code`: tests and callers check the code, not the wording.
 */

export type ErrorCode =
  | 'DATA_INVALID'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'SNAPSHOT_INVALID'
  | 'UNKNOWN_FORMAT';

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NewsgraphError';
    this.code = code;
  }
}

/** What kind of problem a diagnostic reports: stable, for tests and tools; the message is for people. */
export type DiagnosticCode =
  | InputDiagnosticCode
  | 'FILE_UNREADABLE'
  | 'YAML_SYNTAX'
  | 'SCHEMA'
  | 'MISSING_EVIDENCE'
  | 'UNKNOWN_REFERENCE'
  | 'DUPLICATE_ID'
  | 'DOMAIN_RANGE'
  | 'ROLE_FILLER'
  | 'PROPERTY'
  | 'QUOTE_NOT_VERBATIM'
  | 'QUOTE_CONTEXT_MISMATCH'
  | 'AMBIGUOUS_QUOTE'
  | 'NO_EVIDENCE'
  | 'UNKNOWN_PROPERTY'
  | 'LAYER_CYCLE';

/**
 * Problems with a file as input, before its meaning is looked at: an alias that cannot be expanded
 * (unresolved, cyclic, or beyond the expansion limit), a value or file over a documented limit
 * (src/build/inputLimits.ts), bytes that are not text.
 */
export type InputDiagnosticCode = 'YAML_ALIAS' | 'LIMIT_EXCEEDED' | 'NOT_TEXT';

/** One problem in a data file, located for the person who must fix it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters of the line. */
  readonly column: number;
  readonly message: string;
  /** The offending line of the file, without its newline, when the location is in a file's text. */
  readonly lineText?: string;
}

/** The data directory does not build; `diagnostics` lists every problem found, not just the first. */
export class DataError extends NewsgraphError {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super('DATA_INVALID', `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the data:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
    this.name = 'DataError';
    this.diagnostics = diagnostics;
  }
}

/** A line longer than this is shown as a window around the column: one line of a file can be 100 KB. */
const SHOWN_LINE_CHARS = 160;

/**
 * `FILE:LINE:COL: message`, then the offending line and a caret under the column (as graphql-js prints a Source).
 * A long line is cut to SHOWN_LINE_CHARS around the column, with `…` where it was cut.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.message}`;
  if (d.lineText === undefined) return head;
  const gutter = `${d.line} | `;
  const at = Math.max(0, d.column - 1);
  let shown = d.lineText;
  let caretAt = at;
  if (shown.length > SHOWN_LINE_CHARS) {
    const start = Math.max(0, Math.min(at - SHOWN_LINE_CHARS / 2, shown.length - SHOWN_LINE_CHARS));
    const end = start + SHOWN_LINE_CHARS;
    shown = `${start > 0 ? '…' : ''}${shown.slice(start, end)}${end < d.lineText.length ? '…' : ''}`;
    caretAt = at - start + (start > 0 ? 1 : 0);
  }
  const caret = `${' '.repeat(gutter.length + caretAt)}^`;
  return `${head}\n${gutter}${shown}\n${caret}`;
}
