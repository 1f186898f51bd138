/**
 * The explorer's relations are read a window of places at a time (exploreQuery.ts `placeWindows`), nearest
 * entities first, until the cap is reached: the windows cover every place once, in order, at most five of them.
 * That the relations drawn are those of the in-memory explorer is checked against it in postgresReads.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { placeWindows } from '../../src/store/postgres/exploreQuery.js';

describe('placeWindows', () => {
  test('cover every place once, in order, in at most five windows, the first the centre alone', () => {
    for (const kept of [1, 2, 3, 5, 6, 21, 22, 85, 86, 200, 2_000]) {
      const windows = placeWindows(kept);
      expect(windows.length).toBeGreaterThan(0);
      expect(windows.length).toBeLessThanOrEqual(5);
      expect(windows[0]).toEqual([0, 1]);
      let next = 0;
      for (const [from, to] of windows) {
        expect(from).toBe(next);
        expect(to).toBeGreaterThan(from);
        next = to;
      }
      expect(next).toBe(kept);
    }
    expect(placeWindows(200)).toEqual([[0, 1], [1, 5], [5, 21], [21, 85], [85, 200]]);
  });
});
