/**
 * A YAML source file kept with its syntax tree, so that every later problem (schema, ontology, evidence)
 * can be reported at the line and column of the value the person wrote.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../errors.js';

export type SourcePath = readonly (string | number)[];

export class YamlSource {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
  /** YAML syntax errors; when any, `data` is not to be trusted. */
  readonly syntaxProblems: readonly Diagnostic[];
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    this.syntaxProblems = this.doc.errors.map((error) => this.at('YAML_SYNTAX', error.pos[0], `YAML syntax error: ${firstLine(error.message)}`));
    this.data = this.doc.errors.length === 0 ? this.doc.toJS() : undefined;
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
      lineText: this.text.split('\n')[safeLine - 1]?.replace(/\r$/, '') ?? '',
    };
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
