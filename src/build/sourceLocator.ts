/**
 * Where a problem found after an article was checked is reported: the assembler resolves references across
 * articles (an unknown subject, a duplicate id, a domain/range) long after each article's YAML was parsed,
 * and at corpus scale it must not keep ten thousand syntax trees alive for the few problems a build finds.
 * A lazy locator keeps only the file's text and parses it again the first time a problem is located in it:
 * the same parse, so the same line and column as when the tree was kept.
 */
import type { Diagnostic, DiagnosticCode } from '../errors.js';
import { YamlSource, type SourcePath } from './yamlSource.js';

/** What the assembler needs of a source file: its name, and a located diagnostic at a path of its data. */
export interface SourceLocator {
  readonly file: string;
  problem(code: DiagnosticCode, path: SourcePath, message: string, options?: { key?: boolean }): Diagnostic;
}

export class LazyYamlLocator implements SourceLocator {
  private source: YamlSource | undefined;

  constructor(
    readonly file: string,
    /** The file's text, exactly as it was checked. */
    readonly text: string,
  ) {}

  problem(code: DiagnosticCode, path: SourcePath, message: string, options: { key?: boolean } = {}): Diagnostic {
    this.source ??= new YamlSource(this.file, this.text);
    return this.source.problem(code, path, message, options);
  }
}
