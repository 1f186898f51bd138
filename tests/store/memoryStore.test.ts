/** The in-memory store passes the store contract; dates of different precision compare sensibly. */
import { expect, test } from '@jest/globals';
import { compareDates, inDateRange } from '../../src/store/dates.js';
import { memoryStore } from '../../src/store/index.js';
import { storeContract } from './storeContract.js';

storeContract('the in-memory store', async (graph) => memoryStore(graph));

test('dates of different precision compare on the precision they share', () => {
  expect(compareDates('2025-04', '2025-04-30')).toBe(0);
  expect(compareDates('2025-04-30', '2025-05')).toBeLessThan(0);
  expect(inDateRange('2025-04-30', undefined, '2025-04')).toBe(true);
  expect(inDateRange('2025-05-01', undefined, '2025-04')).toBe(false);
  expect(inDateRange(undefined, '2025', undefined)).toBe(false);
  expect(inDateRange(undefined, undefined, undefined)).toBe(true);
});
