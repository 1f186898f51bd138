/**
 * The graph a server answers from, swappable without downtime. Each request takes the graph that is current
 * when it starts and keeps it to the end (its Apollo server, its snapshot id); a reload makes the next graph's
 * Apollo server ready first, then swaps, so requests never wait for or fail on a reload. The old server is
 * stopped once its last request is answered. One response cache serves all graphs: its keys name the
 * snapshot, and it is emptied when the snapshot changes.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { graphIdentity, type GraphIdentity } from '../build/graphIdentity.js';
import type { NewsGraph } from '../graph/index.js';
import type { ResponseCache } from './http/responseCache.js';

export interface ServedGraph {
  /** Absent when a server answers from a database store alone (startServer({ store })): nothing is held in memory. */
  readonly graph: NewsGraph | undefined;
  readonly identity: GraphIdentity;
  readonly apollo: ApolloServer<BaseContext>;
}

/** A request's hold on the graph it is answered from (`acquire`), let go by `release`. */
export interface Lease {
  readonly served: ServedGraph;
}

interface Slot extends Lease {
  inFlight: number;
  retired: boolean;
  /** Called when a retired slot has answered its last request. */
  idle?: () => void;
}

export class LiveGraph {
  private slot: Slot;
  private reloading: Promise<unknown> = Promise.resolve();
  private readonly retiring = new Set<Promise<void>>();

  /**
   * @param served the first graph, its Apollo server started
   * @param start makes a started Apollo server for another graph
   */
  constructor(
    served: ServedGraph,
    private readonly start: (graph: NewsGraph) => Promise<ApolloServer<BaseContext>>,
    readonly cache: ResponseCache | undefined,
  ) {
    this.slot = { served, inFlight: 0, retired: false };
  }

  get current(): ServedGraph {
    return this.slot.served;
  }

  /**
   * Takes the current graph for one request: it stays alive until `release(lease)`, called exactly once.
   * The callback form of `use`, for the server's cache-hit path, which answers without a promise.
   */
  acquire(): Lease {
    const slot = this.slot;
    slot.inFlight++;
    return slot;
  }

  release(lease: Lease): void {
    const slot = lease as Slot;
    slot.inFlight--;
    if (slot.retired && slot.inFlight === 0) slot.idle?.();
  }

  /** Runs `answer` with the current graph, which stays alive until `answer` settles. */
  async use<T>(answer: (served: ServedGraph) => Promise<T>): Promise<T> {
    const lease = this.acquire();
    try {
      return await answer(lease.served);
    } finally {
      this.release(lease);
    }
  }

  /**
   * Serves `graph` from now on; resolves with its identity once it answers. Reloads run one at a time, in the
   * order asked. A graph with the same content id as the current one changes nothing.
   */
  reload(graph: NewsGraph): Promise<GraphIdentity> {
    const next = this.reloading.then(() => this.swap(graph));
    this.reloading = next.catch(() => undefined);
    return next;
  }

  private async swap(graph: NewsGraph): Promise<GraphIdentity> {
    const identity = graphIdentity(graph);
    if (identity.id === this.slot.served.identity.id) return this.slot.served.identity;
    const apollo = await this.start(graph);
    const old = this.slot;
    this.slot = { served: { graph, identity, apollo }, inFlight: 0, retired: false };
    this.cache?.clear();
    this.retire(old);
    return identity;
  }

  /** Stops an old graph's Apollo server after its last request, which frees the old graph. */
  private retire(slot: Slot): void {
    slot.retired = true;
    const done = new Promise<void>((resolve) => {
      slot.idle = resolve;
      if (slot.inFlight === 0) resolve();
    }).then(() => slot.served.apollo.stop());
    this.retiring.add(done);
    void done.finally(() => this.retiring.delete(done));
  }

  /** Waits for reloads under way and retired graphs, then stops the current Apollo server. */
  async close(): Promise<void> {
    await this.reloading;
    await Promise.all(this.retiring);
    await this.slot.served.apollo.stop();
  }
}
