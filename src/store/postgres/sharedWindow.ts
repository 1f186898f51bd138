/**
 * One batch window for look-ups of several kinds: every look-up handed to `hold` waits until the look-ups of all
 * kinds have stopped coming (IDLE_TURNS turns of the event loop without a new one, or MAX_OPEN_MS since the first,
 * as entityBatch.ts decides for one kind), and then all are sent in the same turn, so that each kind's batch
 * (BatchesByFilter: one per filter) receives its whole list at once.
 *
 * Why: once the API's execution budget yields (src/api/executionBudget.ts: after a slice of 4 ms, one field per
 * turn of the event loop), the four typed fields of a timeline's events (agents, participants, locations,
 * cancelledBy) are asked a few turns apart each, and the same field of two consecutive events more than
 * IDLE_TURNS turns apart: each filter's batch, counting only its own look-ups, went with one or two events.
 * "Who met whom, and where" (100 meetings) then sent 130 to 220 statements instead of 4, 50 to 80 ms at p99 on a
 * quiet machine at 100,000 articles and hundreds under load. Counting the turns across all kinds keeps the window
 * open while the list is still being resolved.
 */
import { BatchWindow } from './batchWindow.js';

export class SharedWindow {
  private held: Array<() => void> = [];
  private readonly window = new BatchWindow(() => {
    const held = this.held;
    this.held = [];
    for (const send of held) send();
  });

  /** `send()`, called when the window closes (with every other look-up held), and its answer. */
  hold<T>(send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.held.push(() => send().then(resolve, reject));
      this.window.touch();
    });
  }
}
