/**
 * A YAML source file kept with its syntax tree, so that every later problem (schema, ontology, evidence)
 * can be reported at the line and column of the value the person wrote.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../errors.js';
import { describeCharacter, firstNonTextCharacter, MAX_ALIAS_EXPANSIONS, MAX_YAML_CHARS } from './inputLimits.js';
import { inputProblems } from './yamlInputChecks.js';

export type SourcePath = readonly (string | number)[];

export class YamlSource {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
  /** YAML syntax errors, aliases that cannot be expanded, values over a limit; when any, `data` is undefined. */
  readonly syntaxProblems: readonly Diagnostic[];
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    this.lines = new LineCounter();
    // Refused before parsing: a file over the size limit, or bytes that are not text.
    const early = earlyProblem(file, text);
    this.doc = parseDocument(early === undefined ? text : '', { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    if (early !== undefined) {
      this.syntaxProblems = [early];
      this.data = undefined;
      return;
    }
    const problems = this.doc.errors.map((error) => this.at('YAML_SYNTAX', error.pos[0], `YAML syntax error: ${syntaxMessage(error.message)}`));
    let data: unknown;
    if (problems.length === 0) {
      const input = inputProblems(this.doc, (code, offset, message) => this.at(code, offset, message));
      problems.push(...input.problems);
      if (problems.length === 0) {
        const expanded = this.expand(input.firstAlias);
        if ('problem' in expanded) problems.push(expanded.problem);
        else data = expanded.data;
      }
    }
    this.syntaxProblems = problems;
    this.data = data;
  }

  /**
   * The document as plain data, aliases expanded up to MAX_ALIAS_EXPANSIONS. Cyclic and unresolved aliases
   * were refused before; an expansion over the limit is a problem at the first alias, not an exception.
   */
  private expand(firstAlias: number | undefined): { data: unknown } | { problem: Diagnostic } {
    try {
      return { data: this.doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }) };
    } catch (error) {
      const reason = error instanceof Error ? firstLine(error.message) : String(error);
      return {
        problem: this.at('YAML_ALIAS', firstAlias ?? 0, `the aliases of this file expand beyond the limit of ${MAX_ALIAS_EXPANSIONS} (${reason}); write the values out, or alias smaller ones.`),
      };
    }
  }

  /** A diagnostic at a character offset of the file. */
  at(code: DiagnosticCode, offset: number, message: string): Diagnostic {
    const { line, col } = this.lines.linePos(offset);
    const safeLine = Math.max(1, line);
    return {
      code,
      file: this.file,
      line: safeLine,
      column: Math.max(1, col),
      message,
      lineText: this.lineText(safeLine),
    };
  }

  /** Line `line` (1-based) without its line break, from the line starts the parser recorded: one slice, not a split of the file per problem. */
  private lineText(line: number): string {
    const starts = this.lines.lineStarts;
    const start = starts[line - 1] ?? 0;
    const next = starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, Math.max(start, end)).replace(/\r$/, '');
  }

  /**
   * A diagnostic at the value found at `path` (or, with `key`, at the key that names it), falling back to the
   * nearest enclosing node that exists: a missing property is reported where its object starts.
   */
  problem(code: DiagnosticCode, path: SourcePath, message: string, options: { key?: boolean } = {}): Diagnostic {
    return this.at(code, this.offsetOf(path, options.key ?? false), message);
  }

  private offsetOf(path: SourcePath, key: boolean): number {
    let node: Node | null = this.doc.contents;
    let offset = node?.range?.[0] ?? 0;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        const last = index === path.length - 1;
        const target = (last && key ? pair.key : pair.value) as Node | null;
        if (!target) {
          offset = (pair.key as Node | null)?.range?.[0] ?? offset;
          break;
        }
        node = target;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
      } else {
        break;
      }
      offset = node.range?.[0] ?? offset;
    }
    return offset;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * The parser's message, its first line; node's own words when the parser ran out of stack (the yaml package recurses
 * into each nested list or mapping: about 800 levels of `[` on one line) replaced by what to change.
 */
function syntaxMessage(message: string): string {
  const first = firstLine(message);
  if (!first.includes('Maximum call stack size exceeded')) return first;
  return 'lists or mappings are nested too deeply to be read (hundreds of levels; the data format needs a few): close the brackets or indent less';
}

/** A file over the size limit, or with bytes that are not text: refused before the parser sees it. */
function earlyProblem(file: string, text: string): Diagnostic | undefined {
  if (text.length > MAX_YAML_CHARS) {
    return { code: 'LIMIT_EXCEEDED', file, line: 1, column: 1, message: `this file has ${text.length} characters, over the limit of ${MAX_YAML_CHARS}; split the article's encoding.` };
  }
  const at = firstNonTextCharacter(text);
  if (at < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return {
    code: 'NOT_TEXT',
    file,
    line,
    column: at - lineStart + 1,
    message: `this file is not plain UTF-8 text: ${describeCharacter(text, at)} here; save it as UTF-8 and remove control characters (write them as escapes, "\\u0007", if you mean them).`,
    lineText: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, ''),
  };
}

/**
 * The problem to report when `source` cannot be read: only the first syntax error, since the parser's later
 * ones are mostly its recovery failing on what follows (one unclosed bracket gave seven), said with what it
 * means: the rest of the file is not checked, and nothing is reported elsewhere for want of what it declares.
 */
export function unreadableProblem(source: YamlSource): Diagnostic | undefined {
  const [first] = source.syntaxProblems;
  return first && { ...first, message: `${first.message} (this file could not be read, so nothing in it is checked until this is fixed)` };
}
