/**
 * The commands' one way to show a build's progress (`withProgress`, used by `build` and every command that
 * builds first): the bar is closed in a finally, completed when the work returns and its line ended, not
 * claimed done, when the work throws, so that the error that follows starts on a line of its own.
 */
import { expect, test } from '@jest/globals';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { withProgress } from '../../src/progress.js';

function terminal(): { stream: Writable & { isTTY: boolean; columns: number }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    }),
    { isTTY: true, columns: 120 },
  );
  return { stream, text: () => text };
}

test('a build that throws leaves the bar on a finished line, not claimed done, and the error goes on', async () => {
  const { stream, text } = terminal();
  const failure = new Error('the build failed');
  await expect(
    withProgress(
      'build: stages',
      3,
      async (onProgress) => {
        await sleep(550); // a bar appears only for work that lasts
        onProgress(1, 3);
        throw failure;
      },
      { stream, mode: 'bar' },
    ),
  ).rejects.toBe(failure);
  expect(text()).toMatch(/^\r\[#+\.+\] build: stages 1\/3 \(33%\)/u);
  expect(text().endsWith('\n')).toBe(true);
  expect(text()).not.toContain('done');
});

test('a build that returns completes the bar and gives its result', async () => {
  const { stream, text } = terminal();
  const result = await withProgress(
    'build: stages',
    3,
    async (onProgress) => {
      await sleep(550);
      onProgress(2, 3);
      return 42;
    },
    { stream, mode: 'bar' },
  );
  expect(result).toBe(42);
  expect(text()).toContain('build: stages 3/3 (100%)');
  expect(text().endsWith('\n')).toBe(true);
});
