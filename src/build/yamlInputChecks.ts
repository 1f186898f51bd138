/**
 * Checks on a parsed YAML document before it becomes data: aliases that cannot be expanded (no anchor
 * before them, or an anchor whose value contains the alias: a cycle), and values over the documented
 * limits (src/build/inputLimits.ts). Each is a located problem; without these checks the `yaml` package
 * throws (ReferenceError, or a circular structure that breaks later stages) and the loader had no location.
 */
import { isScalar, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../errors.js';
import { ID_KEYS, MAX_ID_CHARS, MAX_SCALAR_CHARS } from './inputLimits.js';

/** Problems reported per file at most: past this, one more says how many were left out. */
const MAX_REPORTED = 50;

export type Locate = (code: DiagnosticCode, offset: number, message: string) => Diagnostic;

export interface InputCheck {
  readonly problems: readonly Diagnostic[];
  /** Where the first alias is: an expansion over the limit is reported there. */
  readonly firstAlias?: number;
}

export function inputProblems(doc: Document.Parsed, locate: Locate): InputCheck {
  const problems: Diagnostic[] = [];
  let more = 0;
  const report = (code: DiagnosticCode, offset: number, message: string): void => {
    if (problems.length < MAX_REPORTED) problems.push(locate(code, offset, message));
    else more++;
  };
  // Anchors in document order: an alias refers to the last anchor of its name before it.
  const anchors = new Map<string, Node>();
  let firstAlias: number | undefined;
  visit(doc, {
    // `visit` calls the most specific visitor only: anchors are recorded in both Collection and Scalar.
    Collection(_key, node) {
      if (node.anchor !== undefined) anchors.set(node.anchor, node);
    },
    Alias(_key, alias) {
      const at = alias.range?.[0] ?? 0;
      firstAlias ??= at;
      const source = anchors.get(alias.source);
      if (source === undefined) {
        report('YAML_ALIAS', at, `unresolved alias *${alias.source}: no anchor &${alias.source} comes before it; define the anchor first, or write the value out.`);
        return;
      }
      const [start = 0, end = 0] = source.range ?? [];
      if (at >= start && at < end) {
        report('YAML_ALIAS', at, `alias *${alias.source} is inside the value of its own anchor &${alias.source}: a cycle that has no plain value; write the value out.`);
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.value.length > MAX_ID_CHARS) {
        report('LIMIT_EXCEEDED', pair.key.range?.[0] ?? 0, `a key of ${pair.key.value.length} characters, over the limit of ${MAX_ID_CHARS} for ids and keys.`);
      }
      const name = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof name === 'string' && ID_KEYS.has(name) && isScalar(pair.value) && typeof pair.value.value === 'string') {
        const { length } = pair.value.value;
        if (length > MAX_ID_CHARS) report('LIMIT_EXCEEDED', pair.value.range?.[0] ?? 0, `${name} has ${length} characters, over the limit of ${MAX_ID_CHARS} for ids.`);
      }
    },
    Scalar(_key, scalar) {
      if (scalar.anchor !== undefined) anchors.set(scalar.anchor, scalar);
      if (typeof scalar.value === 'string' && scalar.value.length > MAX_SCALAR_CHARS) {
        report('LIMIT_EXCEEDED', scalar.range?.[0] ?? 0, `a value of ${scalar.value.length} characters, over the limit of ${MAX_SCALAR_CHARS}; quote less of the article.`);
      }
    },
  });
  if (more > 0) {
    const last = problems[problems.length - 1];
    if (last) problems.push({ ...last, message: `…and ${more} more problem(s) of these kinds in this file.` });
  }
  return { problems, ...(firstAlias === undefined ? {} : { firstAlias }) };
}
