/**
 * DataLoader-style batching of entity look-ups: every `entity(id)` asked in the same tick of the event loop (a
 * GraphQL list resolving the subject and object of each of its relations) is answered by one query, so the
 * round-trips of an answer do not grow with its length.
 *
 * One limit, known and left: the API's execution budget yields to the event loop after every 4 ms of wall
 * time (src/api/executionBudget.ts), and a yield in the middle of a list sends the batch gathered so far.
 * On an idle machine a page of 60 relations costs 3 round-trips, as a page of 1 does; on a loaded one (or
 * cold, before the JIT) each yield may add one (13 and 33 were seen). Waiting for the executor's slices
 * would need the store to know the API's scheduler, against the layering.
 */
import type { EntityAttributes } from '../../graph/types.js';

type Waiter = { resolve: (entity: EntityAttributes | null) => void; reject: (error: unknown) => void };

export class EntityBatch {
  private pending = new Map<string, Waiter[]>();
  private scheduled = false;

  /** @param fetch the entities with these ids (any order; missing ones left out) */
  constructor(private readonly fetch: (ids: string[]) => Promise<Map<string, EntityAttributes>>) {}

  load(id: string): Promise<EntityAttributes | null> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(id);
      if (waiting === undefined) this.pending.set(id, [{ resolve, reject }]);
      else waiting.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the promises of this tick have run: resolvers of one list all ask before the batch goes.
        setImmediate(() => void this.dispatch());
      }
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}
