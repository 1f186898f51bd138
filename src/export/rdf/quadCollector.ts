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
  private readonly seen = new Set<string>();

  /** Adds `<subject> <predicate> object`, where subject and predicate are IRIs and a string object is an IRI. */
  add(subject: string, predicate: string, object: ObjectTerm | string): void {
    const objectTerm = typeof object === 'string' ? namedNode(object) : object;
    const key = `${subject}\u0000${predicate}\u0000${termKey(objectTerm)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let group = this.bySubject.get(subject);
    if (group === undefined) {
      group = [];
      this.bySubject.set(subject, group);
    }
    group.push(quad(namedNode(subject), namedNode(predicate), objectTerm));
  }

  /** The quads, subject by subject. */
  quads(): Quad[] {
    return [...this.bySubject.values()].flat();
  }
}

function termKey(term: ObjectTerm): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  return JSON.stringify([term.value, term.datatype.value, term.language]);
}
