/** `Query.snapshot`: the identity of the corpus that answers (graph/identity.ts), as the store reports it. */
import type { GraphIdentity } from '../../graph/identity.js';
import type { GraphStore } from '../../store/index.js';

export function snapshotQueryResolvers(store: GraphStore) {
  return {
    snapshot: (): Promise<GraphIdentity> => store.identity(),
  };
}
