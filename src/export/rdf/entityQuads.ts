/**
 * Entities: typed by their ng: kind class and, where schema.org has one, its class; named with rdfs:label and
 * schema:name, aliases as schema:alternateName; `owl:sameAs` Wikidata where the data gives a Wikidata id;
 * kind-specific properties, an event's history of status reports, evidence anchors, and the articles that mention them.
 */
import { NewsgraphError } from '../../errors.js';
import type { EntityAttributes, EventStatusChange } from '../../graph/types.js';
import type { QuadContext } from './context.js';
import { addDerivation, evidenceSteps } from './evidenceQuads.js';
import { runSteps } from '../steps.js';
import { numberLiteral, stringLiteral, timeLiteral } from './literals.js';
import { addProperties } from './propertyQuads.js';
import { kindClass, ng, ngProperty, owl, propertyIri, prov, rdf, rdfs, schema, schemaClassOf, wd } from './vocabulary.js';

const WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;

/** @throws NewsgraphError DATA_INVALID when the Wikidata id is not an item id such as "Q22686". */
export function addEntity(ctx: QuadContext, entity: EntityAttributes): void {
  runSteps(entitySteps(ctx, entity));
}

/**
 * addEntity, in steps (steps.ts): one for what the entity says of itself and its properties, one per status report of
 * its history and per evidence anchor, one for the articles it derives from and mentions. A subject other than the
 * entity itself has all its triples within one step (storeQuads.ts writes an entity of many anchors by slices of steps).
 * @throws as addEntity.
 */
export function* entitySteps(ctx: QuadContext, entity: EntityAttributes): Generator<void> {
  const { out, iris } = ctx;
  const iri = iris.entity(entity.id);

  out.add(iri, rdf('type'), kindClass(entity.kind));
  const schemaClass = schemaClassOf(entity.kind);
  if (schemaClass !== null) out.add(iri, rdf('type'), schemaClass);

  out.add(iri, rdfs('label'), stringLiteral(entity.name));
  out.add(iri, schema('name'), stringLiteral(entity.name));
  for (const alias of entity.aliases) out.add(iri, schema('alternateName'), stringLiteral(alias));
  if (entity.description !== undefined) out.add(iri, schema('description'), stringLiteral(entity.description));
  if (entity.wikidata !== undefined) {
    if (!WIKIDATA_ITEM.test(entity.wikidata)) {
      throw new NewsgraphError(
        'DATA_INVALID',
        `Entity "${entity.id}" has the Wikidata id ${JSON.stringify(entity.wikidata)}, which is not an item id like "Q22686".`,
      );
    }
    out.add(iri, owl('sameAs'), wd(entity.wikidata));
  }

  addProperties(ctx, iri, entity.properties);
  yield;
  if (entity.kind === 'EVENT') yield* historySteps(ctx, iri, entity.history ?? []);
  yield* evidenceSteps(ctx, iri, entity.evidence);
  addDerivation(ctx, iri, entity.articles);
  for (const article of entity.articles) addMention(ctx, article, entity.id);
}

/** `<article> schema:mentions <entity>`: the article's triple, which the entity's articles give it. */
export function addMention(ctx: QuadContext, articleId: string, entityId: string): void {
  ctx.out.add(ctx.iris.article(articleId), schema('mentions'), ctx.iris.entity(entityId));
}

/**
 * An event's history: `event ng:history <event/history/N>`, each an ng:StatusReport with its ng:status, the
 * article that reports it (prov:wasDerivedFrom), that article's date and its place (ng:order). A step per report.
 */
function* historySteps(ctx: QuadContext, eventIri: string, history: readonly EventStatusChange[]): Generator<void> {
  const { out, iris } = ctx;
  for (const [index, change] of history.entries()) {
    const report = iris.statusReport(eventIri, index);
    out.add(eventIri, ngProperty('history'), report);
    out.add(report, rdf('type'), ng('StatusReport'));
    out.add(report, propertyIri('status'), stringLiteral(change.status));
    out.add(report, prov('wasDerivedFrom'), iris.article(change.article));
    if (change.published !== undefined) out.add(report, schema('datePublished'), timeLiteral(change.published));
    out.add(report, ngProperty('order'), numberLiteral(index));
    yield;
  }
}
