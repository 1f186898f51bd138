/**
 * What every quad-building step shares: the IRI scheme and the collector the quads go into.
 */
import type { RdfIris } from './iris.js';
import type { QuadCollector } from './quadCollector.js';

export interface QuadContext {
  readonly iris: RdfIris;
  readonly out: QuadCollector;
}
