/**
 * When a batch of look-ups goes (entityBatch.ts for one kind, sharedWindow.ts for several): it opens at the first
 * look-up and closes once IDLE_TURNS turns of the event loop have passed with no new one, or MAX_OPEN_MS after it
 * opened, whichever comes first. Why these figures: entityBatch.ts.
 */

/** Turns of the event loop without a new look-up after which the batch goes. */
export const IDLE_TURNS = 8;
/** A batch goes at the latest this long after its first look-up. */
export const MAX_OPEN_MS = 8;

export class BatchWindow {
  private scheduled = false;
  private opened = 0;
  private idleTurns = 0;

  /** @param close called when the window closes; a look-up it makes opens the next window */
  constructor(private readonly close: () => void) {}

  /** A look-up arrived: the window opens if it was shut, and its count of idle turns starts again. */
  touch(): void {
    this.idleTurns = 0;
    if (this.scheduled) return;
    this.scheduled = true;
    this.opened = performance.now();
    setImmediate(this.turn);
  }

  /** One turn of the event loop with the window open: close it, or wait one more. */
  private readonly turn = (): void => {
    if (++this.idleTurns < IDLE_TURNS && performance.now() - this.opened < MAX_OPEN_MS) {
      setImmediate(this.turn);
      return;
    }
    this.scheduled = false;
    this.close();
  };
}
