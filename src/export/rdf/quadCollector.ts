/**
 * Collects the quads of an export as a set, grouped by subject in the order subjects first appear.
 * A set, because RDF graphs are sets: two relations that both assert `<a> ng:MET_WITH <b>` give one triple,
 * and every parser counts it once, so the number of quads we report is the number a consumer reads.
 * Grouped, because n3's Turtle writer abbreviates (`;`) only consecutive triples of one subject.
 */
import { DataFactory, type Literal, type NamedNode, type Quad } from 'n3';
import type { QuadSink } from './context.js';

const { namedNode, quad } = DataFactory;

export type ObjectTerm = NamedNode | Literal;

/**
 * A subject's triples are compared one by one for duplicates up to this many; past it, by a set of keys. Most
 * subjects (an evidence anchor, a statement) have a handful of triples: keys for them held, for a head of state's
 * tens of thousands of mentions, about as much heap again as the quads themselves.
 */
const KEYED_FROM = 16;

export class QuadCollector implements QuadSink {
  private readonly bySubject = new Map<string, Quad[]>();
  /** Per subject of KEYED_FROM triples or more, the predicate and object of its triples: a key without the subject is a third shorter. */
  private readonly seen = new Map<string, Set<string>>();
  /** Each IRI's node, made once: a subject or a predicate is in every triple it has. */
  private readonly nodes = new Map<string, NamedNode>();

  /** Adds `<subject> <predicate> object`, where subject and predicate are IRIs and a string object is an IRI. */
  add(subject: string, predicate: string, object: ObjectTerm | string): void {
    const objectTerm = typeof object === 'string' ? this.node(object) : object;
    let group = this.bySubject.get(subject);
    if (group === undefined) {
      group = [];
      this.bySubject.set(subject, group);
    }
    if (this.holds(subject, group, predicate, objectTerm)) return;
    group.push(quad(this.node(subject), this.node(predicate), objectTerm));
  }

  private node(iri: string): NamedNode {
    let node = this.nodes.get(iri);
    if (node === undefined) {
      node = namedNode(iri);
      this.nodes.set(iri, node);
    }
    return node;
  }

  /** Whether `group` (the subject's triples so far) has `predicate object` already. */
  private holds(subject: string, group: readonly Quad[], predicate: string, object: ObjectTerm): boolean {
    if (group.length < KEYED_FROM) return group.some((triple) => triple.predicate.value === predicate && triple.object.equals(object));
    let seen = this.seen.get(subject);
    if (seen === undefined) {
      seen = new Set(group.map(tripleKey));
      this.seen.set(subject, seen);
    }
    const key = `${predicate}\u0000${termKey(object)}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
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
