/**
 * Declarations of the ng: terms an export uses (classes, predicates, roles, qualifiers), with their labels and
 * descriptions, so that an export loaded alone into a triple store explains itself:
 * `SELECT ?p ?comment { ?p rdfs:comment ?comment }` lists what each predicate means.
 */
import type { Quad } from 'n3';
import type { QuadContext, QuadSink } from './context.js';
import type { ObjectTerm } from './quadCollector.js';
import { stringLiteral } from './literals.js';
import { NAMESPACES, describeNgTerm, ng, rdf, rdfs } from './vocabulary.js';

/** The ng: terms that appear as a predicate, a class, or the rdf:predicate of a statement in these quads. */
export function usedNgTerms(quads: readonly Quad[]): string[] {
  const notes = new NgTermNotes();
  for (const { subject, predicate, object } of quads) notes.add(subject.value, predicate.value, object as ObjectTerm);
  return notes.terms();
}

/**
 * A sink that keeps no quad, only the ng: terms the quads added to it use (as usedNgTerms counts them): what a first
 * pass over a corpus too large to hold as quads needs to write the vocabulary first (storeQuads.ts).
 */
export class NgTermNotes implements QuadSink {
  private readonly used = new Set<string>();

  add(_subject: string, predicate: string, object: ObjectTerm | string): void {
    this.note(predicate);
    const iri = typeof object === 'string' ? object : object.termType === 'NamedNode' ? object.value : undefined;
    if (iri !== undefined && (predicate === RDF_TYPE || predicate === RDF_PREDICATE)) this.note(iri);
  }

  /** The terms' local names, sorted. */
  terms(): string[] {
    return [...this.used].sort();
  }

  private note(iri: string): void {
    if (iri.startsWith(NAMESPACES.ng)) this.used.add(iri.slice(NAMESPACES.ng.length));
  }
}

const RDF_TYPE = rdf('type');
const RDF_PREDICATE = rdf('predicate');

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
