import { expect, test } from '@jest/globals';
import { resolveWeekday } from '../../src/extract/dates.js';

test('a weekday resolves against the publication date: back for what happened, forward for what is planned', () => {
  // 2025-06-03 is a Tuesday.
  expect(resolveWeekday('met in Cairo on Sunday to push', '2025-06-03', false)).toEqual({ time: '2025-06-01', timeText: 'Sunday' });
  expect(resolveWeekday('struck on Tuesday', '2025-06-03', false)).toEqual({ time: '2025-06-03', timeText: 'Tuesday' });
  expect(resolveWeekday('is to meet on Tuesday', '2025-06-03', true)).toEqual({ time: '2025-06-10', timeText: 'Tuesday' });
  expect(resolveWeekday('will visit on Friday', '2025-06-03', true)).toEqual({ time: '2025-06-06', timeText: 'Friday' });
  expect(resolveWeekday('on Sunday', '2025-06', false)).toBeUndefined(); // a month is not a day to count from
  expect(resolveWeekday('next month', '2025-06-03', true)).toBeUndefined();
});
