/**
 * Declarations of the ng: terms an export uses (classes, predicates, roles, qualifiers), with their labels and
 * descriptions, so that an export loaded alone into a triple store explains itself:
 * `SELECT ?p ?comment { ?p rdfs:comment ?comment }` lists what each predicate means.
 */
import type { Quad } from 'n3';
import type { QuadContext } from './context.js';
import { stringLiteral } from './literals.js';
import { NAMESPACES, describeNgTerm, ng, rdf, rdfs } from './vocabulary.js';

/** The ng: terms that appear as a predicate, a class, or the rdf:predicate of a statement in these quads. */
export function usedNgTerms(quads: readonly Quad[]): string[] {
  const used = new Set<string>();
  const note = (iri: string): void => {
    if (iri.startsWith(NAMESPACES.ng)) used.add(iri.slice(NAMESPACES.ng.length));
  };
  for (const { predicate, object } of quads) {
    note(predicate.value);
    if (object.termType === 'NamedNode' && (predicate.value === rdf('type') || predicate.value === rdf('predicate'))) {
      note(object.value);
    }
  }
  return [...used].sort();
}

export function addVocabulary(ctx: QuadContext, localNames: readonly string[]): void {
  for (const local of localNames) {
    const iri = ng(local);
    const term = describeNgTerm(local);
    for (const type of term.types) ctx.out.add(iri, rdf('type'), type);
    ctx.out.add(iri, rdfs('label'), stringLiteral(term.label));
    if (term.comment !== undefined) ctx.out.add(iri, rdfs('comment'), stringLiteral(term.comment));
    if (term.subClassOf !== undefined) ctx.out.add(iri, rdfs('subClassOf'), term.subClassOf);
  }
}
