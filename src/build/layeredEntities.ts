/**
 * The shared entities of several layered data directories seen as one entities file, so that the assembler
 * reads them as it reads one: every problem about entity N is reported in the file, and at the line, that
 * entity came from.
 */
import type { DiagnosticCode, Diagnostic } from '../errors.js';
import { YamlSource, type SourcePath } from './yamlSource.js';

/** Where the merged list's entity came from: its file, and its index in that file's `entities:`. */
export interface EntityOrigin {
  readonly yaml: YamlSource;
  readonly index: number;
}

export class LayeredEntitiesSource extends YamlSource {
  constructor(
    file: string,
    private readonly origins: readonly EntityOrigin[],
  ) {
    super(file, '');
  }

  override problem(code: DiagnosticCode, path: SourcePath, message: string, options: { key?: boolean } = {}): Diagnostic {
    const [top, index, ...rest] = path;
    const origin = top === 'entities' && typeof index === 'number' ? this.origins[index] : undefined;
    if (origin) return origin.yaml.problem(code, ['entities', origin.index, ...rest], message, options);
    return super.problem(code, path, message, options);
  }
}
