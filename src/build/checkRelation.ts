/**
 * A stated relation of an article, checked against the ontology: its subject and object exist and fit the
 * predicate's domain and range, its properties have the predicate's types, its speaker is an actor, its
 * event is an EVENT, and a background fact says where it comes from.
 */
import type { Diagnostic } from '../errors.js';
import { ACTOR_KINDS, admits, describeSignatures, predicateSpec, type EntityKind } from '../ontology/index.js';
import type { JsonObject, RelationAttributes } from '../graph/types.js';
import type { Declarations } from './declarations.js';
import type { RelationIds } from './relationIds.js';
import type { RelationSource } from './sourceModel.js';
import type { SourceLocator } from './sourceLocator.js';
import type { SourcePath } from './yamlSource.js';

/** A stated relation with its references, domain, range and properties checked; undefined when it fails. */
export function checkRelation(
  a: { readonly yaml: SourceLocator },
  r: RelationSource,
  path: SourcePath,
  declarations: Declarations,
  problems: Diagnostic[],
  ids: RelationIds,
): Omit<RelationAttributes, 'evidence'> | undefined {
  const subject = declarations.resolve(r.subject, a.yaml, [...path, 'subject'], 'subject');
  const object = declarations.resolve(r.object, a.yaml, [...path, 'object'], 'object');
  const spec = predicateSpec(r.predicate);
  let ok = subject !== undefined && object !== undefined;
  if (subject && object && !admits(r.predicate, subject.kind, object.kind)) {
    ok = false;
    problems.push(a.yaml.problem('DOMAIN_RANGE', [...path, 'predicate'], `${r.predicate} relates ${describeSignatures(r.predicate)}, but "${r.subject}" is a ${subject.kind} and "${r.object}" is a ${object.kind}.`));
  }
  const properties: JsonObject = { ...(r.properties ?? {}) };
  for (const [name, prop] of Object.entries(spec.properties ?? {})) {
    const value = properties[name];
    const at = [...path, 'properties', name];
    if (value === undefined) {
      if (prop.required) {
        ok = false;
        problems.push(a.yaml.problem('PROPERTY', [...path], `${r.predicate} needs properties.${name}: ${prop.description}`));
      }
      continue;
    }
    if (prop.type === 'string' && typeof value !== 'string') {
      ok = false;
      problems.push(a.yaml.problem('PROPERTY', at, `properties.${name} of ${r.predicate} must be a string: ${prop.description}`));
    } else if (prop.type === 'integer' && !Number.isInteger(value)) {
      ok = false;
      problems.push(a.yaml.problem('PROPERTY', at, `properties.${name} of ${r.predicate} must be an integer: ${prop.description}`));
    } else if (prop.type === 'entity') {
      const target = typeof value === 'string' ? declarations.resolve(value, a.yaml, at, `properties.${name}`) : undefined;
      if (!target || !prop.kinds.includes(target.kind)) {
        ok = false;
        if (target || typeof value !== 'string') {
          problems.push(a.yaml.problem('PROPERTY', at, `properties.${name} of ${r.predicate} must be the id of a ${prop.kinds.join('/')}.`));
        }
      }
    }
  }
  if (r.attributedTo !== undefined) {
    const speaker = declarations.resolve(r.attributedTo, a.yaml, [...path, 'attributedTo'], 'attributedTo');
    if (!speaker) ok = false;
    else if (!isActor(speaker.kind)) {
      ok = false;
      problems.push(a.yaml.problem('DOMAIN_RANGE', [...path, 'attributedTo'], `attributedTo must be an actor (${ACTOR_KINDS.join('/')}); "${r.attributedTo}" is a ${speaker.kind}.`));
    }
  }
  if (r.event !== undefined) {
    const event = declarations.resolve(r.event, a.yaml, [...path, 'event'], 'event');
    if (!event) ok = false;
    else if (event.kind !== 'EVENT') {
      ok = false;
      problems.push(a.yaml.problem('DOMAIN_RANGE', [...path, 'event'], `event must be the id of an EVENT; "${r.event}" is a ${event.kind}.`));
    }
  }
  const modality = r.modality ?? 'asserted';
  if (modality === 'background' && typeof properties['source'] !== 'string') {
    ok = false;
    problems.push(a.yaml.problem('PROPERTY', path, 'a background relation (not stated by the article) needs properties.source saying where it comes from.'));
  }
  if (r.id !== undefined && !ids.reserve(r.id)) {
    ok = false;
    problems.push(a.yaml.problem('DUPLICATE_ID', [...path, 'id'], `duplicate relation id "${r.id}".`));
  }
  if (!ok) return undefined;
  if (r.timeText !== undefined) properties['timeText'] = r.timeText;
  const negated = r.negated ?? false;
  return {
    id: r.id ?? ids.derive(r.subject, r.predicate, r.object, negated),
    predicate: r.predicate,
    subject: r.subject,
    object: r.object,
    negated,
    modality,
    ...(r.attributedTo !== undefined ? { attributedTo: r.attributedTo } : {}),
    ...(r.time !== undefined ? { time: r.time } : {}),
    properties,
    ...(r.event !== undefined ? { event: r.event } : {}),
    origin: 'stated',
    symmetric: spec.symmetric ?? false,
  };
}

function isActor(kind: EntityKind): boolean {
  return (ACTOR_KINDS as readonly EntityKind[]).includes(kind);
}
