/**
 * A graph's identity: a content hash, so that a server, its response cache and its clients can tell one
 * snapshot from the next. The same data gives the same id whether the graph was built in this process or
 * loaded from a snapshot (the snapshot's header carries the id computed when it was written), and any change
 * to an entity, a relation or an article gives another.
 *
 * The hash is taken over the graph's canonical encoding: the body of its snapshot (build/snapshotEncode.ts),
 * which holds everything in the graph, in its (deterministic) insertion order, and round-trips whole. So
 * writing a snapshot hashes the bytes it writes anyway, and no second pass over the graph is made; a graph
 * built in memory and never written is encoded once, on first use, for its id alone. The encoder belongs to
 * the build layer, which registers it here (setContentEncoding) rather than this layer importing it.
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

/** The graph's canonical bytes, in chunks (never one string of the whole). */
export type ContentEncoding = (graph: NewsGraph) => Iterable<Uint8Array>;

let contentEncoding: ContentEncoding | undefined;

/** Sets the canonical encoding whose hash is a graph's id (the snapshot body encoder registers itself). */
export function setContentEncoding(encode: ContentEncoding): void {
  contentEncoding = encode;
}

const identities = new WeakMap<NewsGraph, GraphIdentity>();

/** The id of the graph whose canonical encoding has the SHA-256 `hexDigest`. */
export function idOfContentDigest(hexDigest: string): string {
  return `sha256:${hexDigest.slice(0, 16)}`;
}

/** The hash of everything in the graph: the SHA-256 of its canonical encoding, as an id. */
export function contentHash(graph: NewsGraph): string {
  if (contentEncoding === undefined) {
    throw new Error('invariant: no content encoding registered; import the build layer (src/build/index.js), whose snapshot encoder gives a graph its id');
  }
  const hash = createHash('sha256');
  for (const chunk of contentEncoding(graph)) hash.update(chunk);
  return idOfContentDigest(hash.digest('hex'));
}

/** Records what is already known (a snapshot's header), so that it need not be computed again. */
export function recordGraphIdentity(graph: NewsGraph, identity: GraphIdentity): void {
  identities.set(graph, identity);
}

/** The identity recorded for `graph`, if any (none computed). */
export function recordedGraphIdentity(graph: NewsGraph): GraphIdentity | undefined {
  return identities.get(graph);
}

/** The identity of `graph`: recorded by loadSnapshot or writeSnapshot, else computed once (and kept) on first use. */
export function graphIdentity(graph: NewsGraph): GraphIdentity {
  let identity = identities.get(graph);
  if (identity === undefined) {
    identity = { id: contentHash(graph), builtAt: new Date().toISOString(), articleCount: graph.getAttribute('articles').length };
    identities.set(graph, identity);
  }
  return identity;
}
