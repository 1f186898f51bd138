/**
 * The keys inside `properties:` of relations and events, checked against the vocabulary: a predicate's own
 * properties (ontology/predicates.ts) and the annotations any statement may carry (ontology/annotations.ts).
 * The JSON Schema cannot do this (the allowed keys depend on the predicate or event type), so it runs beside
 * it, on the parsed file, and reports each unknown key where it was typed, with the near names.
 *
 * The `properties:` of shared entities and of claims stay free-form: they describe the world (a figure, a
 * date of birth) and the ontology has no vocabulary for them yet.
 */
import { didYouMean } from '../didYouMean.js';
import type { Diagnostic } from '../errors.js';
import { EVENT_ANNOTATIONS, STATEMENT_ANNOTATIONS } from '../ontology/annotations.js';
import { isEventType, isPredicate, predicateSpec, projectionOf, type Predicate } from '../ontology/index.js';
import type { SourcePath, YamlSource } from './yamlSource.js';

/** A problem with the path of the value it is about, so that the item holding it can be set aside. */
export interface LocatedProblem {
  readonly path: SourcePath;
  readonly diagnostic: Diagnostic;
}

const STATEMENT_KEYS = Object.keys(STATEMENT_ANNOTATIONS);
const EVENT_KEYS = [...STATEMENT_KEYS, ...Object.keys(EVENT_ANNOTATIONS)];

/** The property names a relation with this predicate may carry. */
export function relationPropertyNames(predicate: Predicate): string[] {
  return [...Object.keys(predicateSpec(predicate).properties ?? {}), ...STATEMENT_KEYS];
}

/** The property names an event of this type may carry: its projections' properties and the annotations. */
export function eventPropertyNames(eventType: string): string[] {
  if (!isEventType(eventType)) return EVENT_KEYS;
  const projection = projectionOf(eventType);
  const projected = projection ? [projection.predicate, ...(projection.planned ? [projection.planned] : [])] : [];
  return [...new Set([...projected.flatMap((p) => Object.keys(predicateSpec(p).properties ?? {})), ...EVENT_KEYS])];
}

/** Every unknown key under `properties:` of the article's relations and events. */
export function checkPropertyKeys(source: YamlSource): LocatedProblem[] {
  const data = source.data;
  if (!isObject(data)) return [];
  const found: LocatedProblem[] = [];
  const check = (path: SourcePath, properties: unknown, allowed: readonly string[], owner: string) => {
    if (!isObject(properties)) return;
    for (const key of Object.keys(properties)) {
      if (allowed.includes(key)) continue;
      const at = [...path, 'properties', key];
      const message = `unknown property "${key}" for ${owner}.${didYouMean(key, allowed)} Allowed here: ${allowed.join(', ')} (docs/vocabulary.md).`;
      found.push({ path: at, diagnostic: source.problem('UNKNOWN_PROPERTY', at, message, { key: true }) });
    }
  };
  listOf(data['relations']).forEach((r, i) => {
    if (isObject(r) && isPredicate(r['predicate'])) check(['relations', i], r['properties'], relationPropertyNames(r['predicate']), r['predicate']);
  });
  listOf(data['events']).forEach((e, i) => {
    if (isObject(e) && typeof e['eventType'] === 'string') check(['events', i], e['properties'], eventPropertyNames(e['eventType']), `a ${e['eventType']} event`);
  });
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
