/**
 * Progress of long work (building a corpus, generating one, exporting): a bar with counts and time left on
 * a terminal, a plain line every few seconds otherwise (logs, CI), and nothing at all under tests or when
 * asked to be quiet. One small reporter, so that every long command reports alike.
 */

export interface Progress {
  /** Sets how far the work has come (`done` of the total). */
  update(done: number): void;
  /** The work is finished: the bar is completed and its line ended. */
  finish(): void;
  /** The work stopped short (it threw): the bar's line is ended where it stood, not claimed done. */
  abandon(): void;
}

export interface ProgressOptions {
  /** Where to write. @default process.stderr */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Force a mode; by default a TTY gets the bar, anything else plain lines, and jest nothing. */
  readonly mode?: 'bar' | 'lines' | 'silent';
  /** How often a plain line is written, at most. @default 2000 */
  readonly lineIntervalMs?: number;
}

/** The callback form the library takes (`buildGraph(dir, { onProgress })`): what is done of how many. */
export type ProgressCallback = (done: number, total: number) => void;

const SILENT: Progress = { update() {}, finish() {}, abandon() {} };

function defaultMode(stream: ProgressOptions['stream']): 'bar' | 'lines' | 'silent' {
  // jest sets JEST_WORKER_ID in every worker: tests stay quiet without each caller having to say so.
  if (process.env['JEST_WORKER_ID'] !== undefined || process.env['NEWSGRAPH_PROGRESS'] === '0') return 'silent';
  return stream?.isTTY === true ? 'bar' : 'lines';
}

/** Seconds as "1m05s" or "42s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
}

/** A reporter for `total` units of work called `label` ("articles", "building"). */
export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const mode = options.mode ?? defaultMode(stream);
  if (mode === 'silent' || total <= 0) return SILENT;
  const interval = options.lineIntervalMs ?? 2_000;
  const started = Date.now();
  // Quick work stays quiet: the first line waits one interval (a bar, half a second), and finish() only
  // completes what was shown.
  let lastWrite = mode === 'bar' ? started + 400 : started;
  let shown = false;
  let done = 0;
  let finished = false;

  const describe = (): string => {
    const elapsed = (Date.now() - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
    const percent = Math.floor((100 * done) / total);
    return `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%), ${formatDuration(elapsed)} elapsed, ${done >= total ? 'done' : `${formatDuration(left)} left`}`;
  };
  const write = (force: boolean): void => {
    const now = Date.now();
    if (mode === 'bar') {
      if (!force && now - lastWrite < 100) return; // a redraw per 100 ms is smooth and cheap
      if (force && !shown) return;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 70));
      const filled = Math.round((width * done) / total);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describe()}\u001b[K`);
    } else {
      if (!force && now - lastWrite < interval) return;
      if (force && !shown) return;
      stream.write(`${describe()}\n`);
    }
    shown = true;
    lastWrite = now;
  };
  return {
    update(value: number) {
      if (finished) return;
      done = Math.min(total, Math.max(0, value));
      write(false);
    },
    finish() {
      if (finished) return;
      done = total;
      write(true);
      if (mode === 'bar' && shown) stream.write('\n');
      finished = true;
    },
    abandon() {
      if (finished) return;
      // What follows (the error) starts on a line of its own; a plain line already ended with its text.
      if (mode === 'bar' && shown) stream.write('\n');
      finished = true;
    },
  };
}

/**
 * Runs `work`, reporting its `total` steps through the callback it is given; the reporter is closed in a
 * finally: finished when the work returns, abandoned when it throws, so that an error is never printed at
 * the end of a half-drawn bar. The one way the commands report a build (`build`, and every command that
 * builds before it works).
 */
export async function withProgress<T>(
  label: string,
  total: number,
  work: (onProgress: ProgressCallback) => Promise<T>,
  options: ProgressOptions = {},
): Promise<T> {
  const progress = createProgress(label, total, options);
  let completed = false;
  try {
    const result = await work((done) => progress.update(done));
    completed = true;
    return result;
  } finally {
    if (completed) progress.finish();
    else progress.abandon();
  }
}
