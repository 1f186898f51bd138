/**
 * Every id declared anywhere in the data (shared entities, each article's events and claims), with where it
 * was declared: the ground on which references are resolved, duplicates found and "did you mean" suggested.
 */
import type { Diagnostic } from '../errors.js';
import type { EntityKind } from '../ontology/index.js';
import { didYouMean } from '../didYouMean.js';
import type { SourceLocator } from './sourceLocator.js';
import type { SourcePath } from './yamlSource.js';

export interface Declaration {
  readonly id: string;
  readonly kind: EntityKind;
  readonly yaml: SourceLocator;
  readonly path: SourcePath;
}

export class Declarations {
  private readonly byId = new Map<string, Declaration>();

  constructor(private readonly problems: Diagnostic[]) {}

  /** Declares an id; a second declaration is reported at its own place, naming the first. */
  declare(declaration: Declaration): boolean {
    const first = this.byId.get(declaration.id);
    if (first) {
      const at = first.yaml.problem('DUPLICATE_ID', first.path, '');
      this.problems.push(
        declaration.yaml.problem(
          'DUPLICATE_ID',
          [...declaration.path, 'id'],
          `duplicate id "${declaration.id}": already declared at ${at.file}:${at.line}:${at.column}; ids are shared by all files, so give one of them another id.`,
        ),
      );
      return false;
    }
    this.byId.set(declaration.id, declaration);
    return true;
  }

  get(id: string): Declaration | undefined {
    return this.byId.get(id);
  }

  /**
   * The declaration `id` refers to, or undefined after reporting an unknown reference (with suggestions)
   * at `path` of `yaml`. `what` names the field for the message ("subject", "role AGENT").
   */
  resolve(id: string, yaml: SourceLocator, path: SourcePath, what: string, options: { key?: boolean } = {}): Declaration | undefined {
    const found = this.byId.get(id);
    if (!found) {
      this.problems.push(yaml.problem('UNKNOWN_REFERENCE', path, `unknown ${what} "${id}": no entity, event or claim has this id.${didYouMean(id, this.byId.keys())}`, options));
    }
    return found;
  }
}
