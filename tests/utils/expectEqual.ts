/**
 * `expect(received).toEqual(expected)`, with node's `isDeepStrictEqual` asked first: a pair it finds equal passes at
 * once, and only a pair it does not goes through jest's `toEqual` (which then decides, with its diff). The verdict is
 * jest's: deep strict equality (same values, same prototypes, no property undefined on one side only) implies
 * `toEqual`'s, and anything else is left to `toEqual`. Why: on answers with a hub's hundreds of quotes, `toEqual` took
 * ten times as long as `isDeepStrictEqual` (5.3 of 10.7 s of postgresMemory.test.ts's comparisons at load average 12),
 * and on a loaded machine that pushed the file past jest's timeout.
 */
import { expect } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';

export function expectEqual(received: unknown, expected: unknown): void {
  if (isDeepStrictEqual(received, expected)) return;
  expect(received).toEqual(expected);
}
