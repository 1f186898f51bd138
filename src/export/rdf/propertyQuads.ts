/**
 * Free-form properties (`title`, `over`, `eventType`, `fatalities`, `timeText`, ...) as ng: triples, typed:
 * entity ids as entity IRIs where the ontology says a property names an entity, nested objects as nodes of their
 * own (so that `?e ng:fatalities/ng:min ?n` works in SPARQL), arrays and null as one rdf:JSON literal.
 */
import type { QuadContext } from './context.js';
import { booleanLiteral, jsonLiteral, numberLiteral, stringLiteral, timeLiteral } from './literals.js';
import { propertyIri } from './vocabulary.js';

/** Whether a string value of this key is an entity id (PREFERS's `over`). */
export type EntityValuedKey = (key: string) => boolean;

/** Entity and relation properties: JSON values, with `undefined` for an absent optional field. */
export type PropertyBag = object;

export function addProperties(
  ctx: QuadContext,
  ownerIri: string,
  properties: PropertyBag,
  isEntityValued: EntityValuedKey = () => false,
): void {
  for (const [key, value] of Object.entries(properties)) {
    addProperty(ctx, ownerIri, key, value, isEntityValued);
  }
}

function addProperty(
  ctx: QuadContext,
  ownerIri: string,
  key: string,
  value: unknown,
  isEntityValued: EntityValuedKey,
): void {
  const predicate = propertyIri(key);
  if (value === undefined) return;
  if (typeof value === 'string') {
    if (isEntityValued(key)) ctx.out.add(ownerIri, predicate, ctx.iris.entity(value));
    else ctx.out.add(ownerIri, predicate, key === 'time' ? timeLiteral(value) : stringLiteral(value));
  } else if (typeof value === 'number') {
    ctx.out.add(ownerIri, predicate, numberLiteral(value));
  } else if (typeof value === 'boolean') {
    ctx.out.add(ownerIri, predicate, booleanLiteral(value));
  } else if (value === null || Array.isArray(value)) {
    ctx.out.add(ownerIri, predicate, jsonLiteral(value));
  } else if (typeof value === 'object') {
    const node = ctx.iris.propertyNode(ownerIri, key);
    ctx.out.add(ownerIri, predicate, node);
    addProperties(ctx, node, value);
  } else {
    throw new Error(`Invariant: property "${key}" holds a ${typeof value}, which is not a JSON value.`);
  }
}
