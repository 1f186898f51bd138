/**
 * Relations as RDF 1.1 reified statements (rdf:Statement with rdf:subject, rdf:predicate, rdf:object) carrying
 * every qualifier: negation, modality, attribution, time, event, origin, properties and evidence. A reified
 * statement describes a triple without asserting it, which is what a negated relation needs. Relations that the
 * article says hold are also asserted as a direct triple, for one-hop SPARQL; see `assertsDirectTriple`.
 */
import { NewsgraphError } from '../../errors.js';
import { isPredicate, predicateSpec } from '../../ontology/index.js';
import type { RelationAttributes } from '../../graph/types.js';
import type { QuadContext } from './context.js';
import { addDerivation, evidenceSteps } from './evidenceQuads.js';
import { runSteps } from '../steps.js';
import { booleanLiteral, stringLiteral, timeLiteral } from './literals.js';
import { addProperties, type EntityValuedKey } from './propertyQuads.js';
import { ng, ngProperty, predicateIri, rdf } from './vocabulary.js';

/**
 * Whether the relation also becomes the plain triple `<subject> ng:PREDICATE <object>`: exactly when the article
 * says it holds. Never when negated ("has not endorsed" must not read as "endorsed" to a query that ignores
 * ng:negated), and never when hypothetical (considered, not said to hold). Every other modality keeps its direct
 * triple, as the GraphQL API's `rejectedBy(negated: false)` lists them: the modality stays on the statement node.
 */
export function assertsDirectTriple(relation: Pick<RelationAttributes, 'negated' | 'modality'>): boolean {
  return !relation.negated && relation.modality !== 'hypothetical';
}

/** Keys whose ng: property the statement node already uses for a field of the relation. */
const QUALIFIER_KEYS = ['negated', 'modality', 'attributedTo', 'event', 'origin', 'symmetric', 'evidence', 'time'] as const;

/** @throws NewsgraphError DATA_INVALID when a property would collide with a qualifier of the statement node. */
export function addRelation(ctx: QuadContext, relation: RelationAttributes): void {
  runSteps(relationSteps(ctx, relation));
}

/**
 * addRelation, in steps (steps.ts): the statement node and its properties, then one per evidence anchor, then the
 * derivation and the direct triples. A subject other than the statement node has all its triples within one step.
 * @throws as addRelation.
 */
export function* relationSteps(ctx: QuadContext, relation: RelationAttributes): Generator<void> {
  const { out, iris } = ctx;
  const iri = iris.relation(relation.id);
  const subject = iris.entity(relation.subject);
  const object = iris.entity(relation.object);
  const predicate = predicateIri(relation.predicate);

  out.add(iri, rdf('type'), rdf('Statement'));
  out.add(iri, rdf('type'), ng('Relation'));
  out.add(iri, rdf('subject'), subject);
  out.add(iri, rdf('predicate'), predicate);
  out.add(iri, rdf('object'), object);
  out.add(iri, ngProperty('negated'), booleanLiteral(relation.negated));
  out.add(iri, ngProperty('modality'), stringLiteral(relation.modality));
  if (relation.attributedTo !== undefined) out.add(iri, ngProperty('attributedTo'), iris.entity(relation.attributedTo));
  if (relation.time !== undefined) out.add(iri, ngProperty('time'), timeLiteral(relation.time));
  if (relation.event !== undefined) out.add(iri, ngProperty('event'), iris.entity(relation.event));
  out.add(iri, ngProperty('origin'), stringLiteral(relation.origin));
  out.add(iri, ngProperty('symmetric'), booleanLiteral(relation.symmetric));

  checkPropertyKeys(relation);
  addProperties(ctx, iri, relation.properties, entityValuedKeys(relation));
  yield;
  yield* evidenceSteps(ctx, iri, relation.evidence);
  addDerivation(ctx, iri, new Set(relation.evidence.map((anchor) => anchor.article)));

  addDirectTriples(ctx, relation);
}

/** What decides a relation's direct triples (assertsDirectTriple) and which way they go. */
export type DirectTripleSource = Pick<RelationAttributes, 'subject' | 'object' | 'predicate' | 'negated' | 'modality' | 'symmetric'>;

/**
 * The relation's direct triples, `<subject> ng:P <object>` and, when symmetric, `<object> ng:P <subject>`; with
 * `from`, only the one(s) whose subject is that entity (a store's export writes them with the entity: storeQuads.ts).
 */
export function addDirectTriples(ctx: QuadContext, relation: DirectTripleSource, from?: string): void {
  if (!assertsDirectTriple(relation)) return;
  const { out, iris } = ctx;
  const predicate = predicateIri(relation.predicate);
  if (from === undefined || relation.subject === from) out.add(iris.entity(relation.subject), predicate, iris.entity(relation.object));
  if (relation.symmetric && (from === undefined || relation.object === from)) out.add(iris.entity(relation.object), predicate, iris.entity(relation.subject));
}

function checkPropertyKeys(relation: RelationAttributes): void {
  for (const key of QUALIFIER_KEYS) {
    if (!Object.hasOwn(relation.properties, key)) continue;
    // `time` repeated in the properties with the same value is the same triple; anything else would be ambiguous.
    if (key === 'time' && (relation.time === undefined || relation.properties[key] === relation.time)) continue;
    throw new NewsgraphError(
      'DATA_INVALID',
      `Relation "${relation.id}" has a property "${key}", which the RDF export uses for the relation's own ${key}: ` +
        'rename the property in the ontology and the data.',
    );
  }
}

/** The properties the ontology declares as entity ids for this predicate (PREFERS's `over`) become IRIs. */
function entityValuedKeys(relation: RelationAttributes): EntityValuedKey {
  if (!isPredicate(relation.predicate)) return () => false;
  const spec = predicateSpec(relation.predicate);
  return (key) => spec.properties !== undefined && spec.properties[key]?.type === 'entity';
}
