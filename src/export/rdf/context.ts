/**
 * What every quad-building step shares: the IRI scheme and the sink the quads go into.
 */
import type { RdfIris } from './iris.js';
import type { ObjectTerm } from './quadCollector.js';

/** Where quads go: a QuadCollector keeps them; NgTermNotes (vocabularyQuads.ts) only notes the ng: terms they use. */
export interface QuadSink {
  /** Adds `<subject> <predicate> object`, where subject and predicate are IRIs and a string object is an IRI. */
  add(subject: string, predicate: string, object: ObjectTerm | string): void;
}

export interface QuadContext {
  readonly iris: RdfIris;
  readonly out: QuadSink;
}
