/**
 * Collects the quads of an export as a set, grouped by subject in the order subjects first appear.
 * A set, because RDF graphs are sets: two relations that both assert `<a> ng:MET_WITH <b>` give one triple,
 * and every parser counts it once, so the number of quads we report is the number a consumer reads.
 * Grouped, because n3's Turtle writer abbreviates (`;`) only consecutive triples of one subject.
 */
import { DataFactory, type Literal, type NamedNode, type Quad } from 'n3';

const { namedNode, quad } = DataFactory;

export type ObjectTerm = NamedNode | Literal;

export class QuadCollector {
  private readonly bySubject = new Map<string, Quad[]>();
  /** Per subject, the predicate and object of its triples: a key without the subject is a third shorter. */
  private readonly seen = new Map<string, Set<string>>();

  /** Adds `<subject> <predicate> object`, where subject and predicate are IRIs and a string object is an IRI. */
  add(subject: string, predicate: string, object: ObjectTerm | string): void {
    const objectTerm = typeof object === 'string' ? namedNode(object) : object;
    const key = `${predicate}\u0000${termKey(objectTerm)}`;
    let seen = this.seen.get(subject);
    let group = this.bySubject.get(subject);
    if (seen === undefined || group === undefined) {
      seen = new Set();
      group = [];
      this.seen.set(subject, seen);
      this.bySubject.set(subject, group);
    }
    if (seen.has(key)) return;
    seen.add(key);
    group.push(quad(namedNode(subject), namedNode(predicate), objectTerm));
  }

  /** The quads, subject by subject. */
  quads(): Quad[] {
    return [...this.bySubject.values()].flat();
  }

  /** Subject → its quads, subjects in the order they first appeared. */
  groups(): ReadonlyMap<string, readonly Quad[]> {
    return this.bySubject;
  }
}

/** What makes two triples of one subject the same triple: predicate and object. */
export function tripleKey(triple: Quad): string {
  return `${triple.predicate.value}\u0000${termKey(triple.object as ObjectTerm)}`;
}

function termKey(term: ObjectTerm): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  return JSON.stringify([term.value, term.datatype.value, term.language]);
}
