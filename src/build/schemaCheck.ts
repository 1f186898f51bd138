/**
 * First gate: each file against its JSON Schema (the same schema editors use while people type). Ajv's
 * errors are turned into located diagnostics, merged so that a person reads one message per mistake.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../errors.js';
import { ARTICLE_SCHEMA, ENTITIES_SCHEMA } from './sourceSchema.js';
import { didYouMean, suggestions } from '../didYouMean.js';
import type { LocatedProblem } from './propertyKeys.js';
import type { SourcePath, YamlSource } from './yamlSource.js';

type SchemaName = 'entities' | 'article';

const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    validate = ajv.compile(name === 'entities' ? ENTITIES_SCHEMA : ARTICLE_SCHEMA);
    validators.set(name, validate);
  }
  return validate;
}

/** Every schema violation with the path of the value it is about (so that the item holding it can be set aside). */
export function schemaViolations(source: YamlSource, name: SchemaName): LocatedProblem[] {
  const validate = validator(name);
  if (validate(source.data)) return [];
  return selectErrors(validate.errors ?? []).map((error) => ({ path: violationPath(error), diagnostic: describe(source, error) }));
}

/** Where the violation is: the bad value, the unknown key, or the misnamed key of a map. */
function violationPath(error: ErrorObject): SourcePath {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return [...path, String(params['additionalProperty'])];
  if (typeof params['propertyName'] === 'string') return [...path, params['propertyName']];
  return path;
}

/**
 * A value that fits none of a oneOf's branches yields an error per branch; keep the most specific:
 * errors at deeper paths win over the oneOf that contains them, and "type" errors at one path merge.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const deepest = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`));
  const kept: ErrorObject[] = [];
  const typesAt = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' && deepest(error.instancePath)) continue;
    if (error.keyword === 'type') {
      if (deepest(error.instancePath)) continue;
      const seen = typesAt.get(error.instancePath);
      if (seen) {
        seen.params['type'] = `${String(seen.params['type'])} or ${String(error.params['type'])}`;
        continue;
      }
      const copy = { ...error, params: { ...error.params } };
      typesAt.set(error.instancePath, copy);
      kept.push(copy);
      continue;
    }
    kept.push(error);
  }
  // A oneOf whose branches only disagreed on type says less than the merged type error.
  const merged = kept.filter((e) => !(e.keyword === 'oneOf' && typesAt.has(e.instancePath)));
  // A misspelt required key ("evidnce:") is one mistake: the unknown key, whose did-you-mean names the missing one.
  return merged.filter((e) => !(e.keyword === 'required' && misspeltAs(merged, e)));
}

function misspeltAs(errors: readonly ErrorObject[], required: ErrorObject): boolean {
  const missing = String(required.params['missingProperty']);
  return errors.some(
    (e) =>
      e.keyword === 'additionalProperties' &&
      e.instancePath === required.instancePath &&
      suggestions(String(e.params['additionalProperty']), [missing]).length > 0,
  );
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(path: SourcePath): string {
  return path.length === 0 ? 'the file' : path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

function describe(source: YamlSource, error: ErrorObject): Diagnostic {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      const message =
        missing === 'evidence'
          ? `missing evidence anchor in ${where(path)}: every fact needs the words of the article that state it, e.g. evidence: "…exact quote…"`
          : `missing required property "${missing}" in ${where(path)}`;
      return source.problem(missing === 'evidence' ? 'MISSING_EVIDENCE' : 'SCHEMA', path, message);
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return source.problem('SCHEMA', [...path, extra], `unknown property "${extra}" in ${where(path)}.${didYouMean(extra, allowed)}`, { key: true });
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const got = JSON.stringify(valueAt(source.data, path));
      return source.problem('SCHEMA', path, `${where(path)} is ${got}, which is not one of ${allowed.join(', ')}.${didYouMean(String(valueAt(source.data, path)), allowed)}`);
    }
    case 'pattern':
      return source.problem('SCHEMA', path, `${where(path)} is ${JSON.stringify(valueAt(source.data, path))}, which does not match ${hintForPattern(String(params['pattern']))}`);
    case 'type':
      return source.problem('SCHEMA', path, `${where(path)} must be ${String(params['type'])}`);
    case 'oneOf':
      return source.problem('SCHEMA', path, `${where(path)} must be a quote (a string, or { exact, prefix?, suffix? }) or a list of quotes`);
    default:
      return source.problem('SCHEMA', path, `${where(path)} ${error.message ?? 'is invalid'}`);
  }
}

function hintForPattern(pattern: string): string {
  if (pattern.startsWith('^[a-z0-9]')) return 'the id pattern (lower-kebab: "donald-trump")';
  if (pattern.startsWith('^Q')) return 'a Wikidata id ("Q22686")';
  if (pattern.includes('\\d{4}')) return 'an ISO 8601 date or interval ("2025-04-24", "2025-04", "../2025-04-29")';
  return pattern;
}

function valueAt(data: unknown, path: SourcePath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
