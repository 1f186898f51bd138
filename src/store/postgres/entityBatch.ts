/**
 * DataLoader-style batching of entity look-ups: every `entity(id)` asked in the same tick of the event loop (a
 * GraphQL list resolving the subject and object of each of its relations) is answered by one query, so the
 * round-trips of an answer do not grow with its length.
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
