/**
 * The progress reporter: a bar with counts and time left on a terminal, plain lines elsewhere, quiet in tests;
 * and `withProgress`, the commands' one way to show a build, which closes the bar in a finally.
 */
import { expect, test } from '@jest/globals';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createProgress, formatDuration, withProgress } from '../../src/progress.js';

function recorder(isTTY: boolean): { stream: Writable & { isTTY: boolean; columns: number }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    }),
    { isTTY, columns: 120 },
  );
  return { stream, text: () => text };
}

test('plain lines: counts, percent and time left; the last line says done', () => {
  const { stream, text } = recorder(false);
  const progress = createProgress('articles', 200, { stream, mode: 'lines', lineIntervalMs: 0 });
  progress.update(50);
  progress.update(200);
  progress.finish();
  const lines = text().trim().split('\n');
  expect(lines[0]).toMatch(/^articles 50\/200 \(25%\), \d+s elapsed, \d+s left$/u);
  expect(lines.at(-1)).toMatch(/^articles 200\/200 \(100%\), \d+s elapsed, done$/u);
});

test('a bar on a terminal redraws one line and ends it', async () => {
  const { stream, text } = recorder(true);
  const progress = createProgress('articles', 10, { stream, mode: 'bar' });
  await new Promise((resolve) => setTimeout(resolve, 550)); // a bar appears only for work that lasts
  progress.update(5);
  progress.finish();
  expect(text()).toMatch(/^\r\[#+\.+\] articles 5\/10 \(50%\)/u);
  expect(text()).toContain('\r[##############################] articles 10/10 (100%)');
  expect(text().endsWith('\n')).toBe(true);
  expect(text().split('\n')).toHaveLength(2);
});

test('quick work and tests stay quiet', () => {
  const quick = recorder(false);
  const progress = createProgress('articles', 3, { stream: quick.stream, mode: 'lines' });
  progress.update(3);
  progress.finish();
  expect(quick.text()).toBe('');
  const inTests = recorder(true);
  const defaulted = createProgress('articles', 3, { stream: inTests.stream, lineIntervalMs: 0 });
  defaulted.update(1);
  defaulted.finish();
  expect(inTests.text()).toBe(''); // JEST_WORKER_ID is set
});

test('durations read as seconds and minutes', () => {
  expect(formatDuration(42.4)).toBe('42s');
  expect(formatDuration(65)).toBe('1m05s');
  expect(formatDuration(Number.NaN)).toBe('?');
});

test('withProgress: a build that throws leaves the bar on a finished line, not claimed done, and the error goes on', async () => {
  const { stream, text } = recorder(true);
  const failure = new Error('the build failed');
  const failing = withProgress(
    'build: stages',
    3,
    async (onProgress) => {
      await sleep(550); // a bar appears only for work that lasts
      onProgress(1, 3);
      throw failure;
    },
    { stream, mode: 'bar' },
  );
  await expect(failing).rejects.toBe(failure);
  expect(text()).toMatch(/^\r\[#+\.+\] build: stages 1\/3 \(33%\)/u);
  expect(text().endsWith('\n')).toBe(true);
  expect(text()).not.toContain('done');
});

test('withProgress: a build that returns completes the bar and gives its result', async () => {
  const { stream, text } = recorder(true);
  const work = async (onProgress: (done: number, total: number) => void): Promise<number> => {
    await sleep(550);
    onProgress(2, 3);
    return 42;
  };
  expect(await withProgress('build: stages', 3, work, { stream, mode: 'bar' })).toBe(42);
  expect(text()).toContain('build: stages 3/3 (100%)');
  expect(text().endsWith('\n')).toBe(true);
});
