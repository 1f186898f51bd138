/**
 * Evidence anchors as W3C Web Annotations: an oa:Annotation whose body is the relation (or entity) and whose
 * target is a part of the article, selected twice: by quote (oa:TextQuoteSelector: exact, prefix, suffix) and by
 * position (oa:TextPositionSelector: start, end in Unicode code points, end exclusive). Every node has an IRI,
 * none is blank, so that exports in different syntaxes are equal as sets of triples, not merely isomorphic.
 */
import type { Evidence } from '../../graph/types.js';
import type { QuadContext } from './context.js';
import { offsetLiteral, stringLiteral } from './literals.js';
import { ngProperty, oa, prov, rdf } from './vocabulary.js';

/**
 * Adds `owner ng:evidence <owner/evidence/N>` and the annotation behind it, a step per anchor (steps.ts): each
 * anchor's own subjects (the annotation, its target and selectors) have all their triples by the end of its step, so
 * that an owner of tens of thousands of anchors can be written a slice of steps at a time (storeQuads.ts).
 */
export function* evidenceSteps(ctx: QuadContext, ownerIri: string, evidence: readonly Evidence[]): Generator<void> {
  for (const [index, anchor] of evidence.entries()) {
    addAnchor(ctx, ownerIri, anchor, index);
    yield;
  }
}

function addAnchor(ctx: QuadContext, ownerIri: string, anchor: Evidence, index: number): void {
  const annotation = ctx.iris.evidence(ownerIri, index);
  const target = ctx.iris.evidencePart(annotation, 'target');
  const quote = ctx.iris.evidencePart(annotation, 'quote');
  const position = ctx.iris.evidencePart(annotation, 'position');
  const article = ctx.iris.article(anchor.article);
  const { out } = ctx;

  out.add(ownerIri, ngProperty('evidence'), annotation);

  out.add(annotation, rdf('type'), oa('Annotation'));
  out.add(annotation, oa('hasBody'), ownerIri);
  out.add(annotation, oa('hasTarget'), target);
  out.add(annotation, ngProperty('sentence'), ctx.iris.sentence(anchor.article, anchor.sentence));
  out.add(annotation, prov('wasDerivedFrom'), article);

  out.add(target, rdf('type'), oa('SpecificResource'));
  out.add(target, oa('hasSource'), article);
  out.add(target, oa('hasSelector'), quote);
  out.add(target, oa('hasSelector'), position);

  out.add(quote, rdf('type'), oa('TextQuoteSelector'));
  out.add(quote, oa('exact'), stringLiteral(anchor.exact));
  out.add(quote, oa('prefix'), stringLiteral(anchor.prefix));
  out.add(quote, oa('suffix'), stringLiteral(anchor.suffix));

  out.add(position, rdf('type'), oa('TextPositionSelector'));
  out.add(position, oa('start'), offsetLiteral(anchor.start));
  out.add(position, oa('end'), offsetLiteral(anchor.end));
}

/** `owner prov:wasDerivedFrom <article>` for each article its evidence quotes. */
export function addDerivation(ctx: QuadContext, ownerIri: string, articleIds: Iterable<string>): void {
  for (const id of articleIds) ctx.out.add(ownerIri, prov('wasDerivedFrom'), ctx.iris.article(id));
}
