/**
 * DataLoader-style batching of entity look-ups: every `entity(id)` asked while a batch is open (a GraphQL list
 * resolving the subject and object of each of its relations) is answered by one query, so the round-trips of an
 * answer do not grow with its length.
 *
 * How long a batch stays open: DataLoader sends at the end of the tick, which here would send one batch per
 * relation. The API's execution budget (src/api/executionBudget.ts), once a slice of 4 ms of wall time has passed
 * (and the wait for the database counts), lets the fields of an answer go one per turn of the event loop, so the
 * look-ups of one list arrive a few turns apart (measured: 21 round-trips for `relations(first: 20) { subject
 * object }` around a hub). So the batch stays open until IDLE_TURNS turns have passed with no new look-up (the
 * fields between two look-ups of one list are fewer than that), or MAX_OPEN_MS since it opened, whichever comes
 * first: a lone look-up waits a few idle turns (microseconds), a list's look-ups go together. MAX_OPEN_MS was 2 ms;
 * at 100,000 articles on the shared machine a list of 100 events' typed fields went out in 16 statements, and each
 * round-trip cost about 2 ms of the server's CPU (`writev`): 8 ms lets such a list go in a few.
 */
import type { EntityAttributes } from '../../graph/types.js';
import { BatchWindow } from './batchWindow.js';

type Waiter<V> = { resolve: (value: V | null) => void; reject: (error: unknown) => void };

/** Batches look-ups by key (entities by id by default; whole records by id or position: slimRecords.ts). */
export class EntityBatch<K = string, V = EntityAttributes> {
  private pending = new Map<K, Waiter<V>[]>();
  private readonly window = new BatchWindow(() => void this.dispatch());

  /** @param fetch the entities with these ids (any order; missing ones left out) */
  constructor(private readonly fetch: (ids: K[]) => Promise<ReadonlyMap<K, V>>) {}

  load(id: K): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(id);
      if (waiting === undefined) this.pending.set(id, [{ resolve, reject }]);
      else waiting.push({ resolve, reject });
      this.window.touch();
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}

/**
 * One EntityBatch per filter: look-ups asked with the same filter (the same `key`: a list's predicates,
 * direction, `first`...) share one statement, and an id's answer is its list under that filter.
 */
export class BatchesByFilter<V, F> {
  private readonly batches = new Map<string, EntityBatch<string, V[]>>();

  /** @param read each id's list under `filter` (an id left out of the map answers an empty list) */
  constructor(private readonly read: (ids: string[], filter: F) => Promise<ReadonlyMap<string, V[]>>) {}

  load(id: string, key: string, filter: F): Promise<V[]> {
    let batch = this.batches.get(key);
    if (batch === undefined) {
      batch = new EntityBatch((ids) => this.read(ids, filter));
      this.batches.set(key, batch);
    }
    return batch.load(id).then((answer) => answer ?? []);
  }
}
