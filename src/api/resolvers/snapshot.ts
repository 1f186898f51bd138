/** `Query.snapshot`: the identity of the graph that answers (graph/identity.ts). */
import { graphIdentity, type GraphIdentity } from '../../graph/identity.js';
import type { NewsGraph } from '../../graph/index.js';

export function snapshotQueryResolvers(graph: NewsGraph) {
  return {
    snapshot: (): GraphIdentity => graphIdentity(graph),
  };
}
