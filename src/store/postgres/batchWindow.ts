/**
 * When a batch of look-ups goes (entityBatch.ts for one kind, sharedWindow.ts for several): it opens at the first
 * look-up and closes once IDLE_TURNS turns of the event loop have passed with no new one, or MAX_OPEN_MS after it
 * opened, whichever comes first. Why these figures: entityBatch.ts.
 *
 * MAX_OPEN_MS is counted in this process's CPU time, not the clock's. The limit is there for a busy event loop,
 * whose turns are slow because other work runs between them, and that work is CPU time. An idle loop closes the
 * window by its turns within microseconds. The clock also counts the time the operating system gives to other
 * processes: on a loaded machine (load average 14 to 20 on 2 cores) a list of 40 articles went out in 8 to 29
 * statements instead of 4, as the window closed while the process waited for a core.
 */

/** Turns of the event loop without a new look-up after which the batch goes. */
export const IDLE_TURNS = 8;
/** A batch goes at the latest this long after its first look-up. */
export const MAX_OPEN_MS = 8;

/** Milliseconds of CPU time this process has used (all its threads, user and system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

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
    this.opened = cpuMs();
    setImmediate(this.turn);
  }

  /** One turn of the event loop with the window open: close it, or wait one more. */
  private readonly turn = (): void => {
    if (++this.idleTurns < IDLE_TURNS && cpuMs() - this.opened < MAX_OPEN_MS) {
      setImmediate(this.turn);
      return;
    }
    this.scheduled = false;
    this.close();
  };
}
