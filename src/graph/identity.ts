/**
 * A graph's identity: a content hash, so that a server, its response cache and its clients can tell one
 * snapshot from the next. The same data gives the same id whether the graph was built in this process or
 * loaded from a snapshot (the snapshot's header carries the id computed when it was written), and any change
 * to an entity, a relation or an article gives another.
 */
import { createHash } from 'node:crypto';
import type { NewsGraph } from './types.js';

export interface GraphIdentity {
  /** `sha256:` and the first 16 hex digits of the hash of the graph's content. */
  readonly id: string;
  /** When this graph was built, or when its snapshot file was written (ISO 8601). */
  readonly builtAt: string;
  readonly articleCount: number;
}

const identities = new WeakMap<NewsGraph, GraphIdentity>();

/**
 * The hash of everything in the graph, in its (deterministic) insertion order: its attributes, then every
 * node and every edge with their attributes, streamed into the hash one record at a time.
 */
export function contentHash(graph: NewsGraph): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(graph.getAttributes()));
  graph.forEachNode((key, attributes) => {
    hash.update('\nN');
    hash.update(JSON.stringify([key, attributes]));
  });
  graph.forEachEdge((key, attributes, source, target) => {
    hash.update('\nE');
    hash.update(JSON.stringify([key, source, target, attributes]));
  });
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}

/** Records what is already known (a snapshot's header), so that it need not be computed again. */
export function recordGraphIdentity(graph: NewsGraph, identity: GraphIdentity): void {
  identities.set(graph, identity);
}

/** The identity of `graph`: recorded by loadSnapshot, else computed once (and kept) on first use. */
export function graphIdentity(graph: NewsGraph): GraphIdentity {
  let identity = identities.get(graph);
  if (identity === undefined) {
    identity = { id: contentHash(graph), builtAt: new Date().toISOString(), articleCount: graph.getAttribute('articles').length };
    identities.set(graph, identity);
  }
  return identity;
}
