/**
 * EndsAhead (src/store/postgres/endsAhead.ts): the ends a page read are at hand while the operations that were running
 * when they were read go on, and let go when those have ended (not kept for the next answers); reads made outside any
 * operation are kept KEEP_MS, as before. No database: the reader is a function of ours.
 */
import { afterEach, expect, jest, test } from '@jest/globals';
import type { EntityAttributes } from '../../src/graph/types.js';
import { EndsAhead, KEEP_MS, MAX_RUNNING } from '../../src/store/postgres/endsAhead.js';

const entity = (id: string): EntityAttributes => ({ id, kind: 'PERSON', name: id, aliases: [], evidence: [], articles: [] }) as unknown as EntityAttributes;
const ends = (...ids: string[]): EntityAttributes[] => ids.map(entity);

afterEach(() => {
  jest.useRealTimers();
});

test('ends read while an operation runs are at hand until it ends, then let go', async () => {
  const read = jest.fn(async (ids: string[]) => new Map(ids.map((id) => [id, entity(id)])));
  const ahead = new EndsAhead(read);
  const operation = {};
  ahead.operationStarted(operation);
  await ahead.readAhead([{ subject: 'a', object: 'b' }]);
  ahead.keep(ends('c'), ahead.stamp);
  expect(['a', 'b', 'c'].map((id) => ahead.atHand(id)?.id)).toEqual(['a', 'b', 'c']);
  expect(ahead.count).toBe(3);
  ahead.operationEnded(operation);
  expect(['a', 'b', 'c'].map((id) => ahead.atHand(id))).toEqual([undefined, undefined, undefined]);
  expect(ahead.count).toBe(0);
  // A key never started, or ended twice, changes nothing.
  ahead.keep(ends('d'), ahead.stamp);
  ahead.operationEnded(operation);
  ahead.operationEnded({});
  expect(ahead.atHand('d')?.id).toBe('d');
});

test('overlapping operations: a read is let go once every operation running when it was made has ended', () => {
  const ahead = new EndsAhead(async () => new Map());
  const first = {};
  const second = {};
  ahead.operationStarted(first);
  ahead.keep(ends('x', 'shared'), ahead.stamp); // only `first` was running
  ahead.operationStarted(second);
  ahead.keep(ends('y', 'shared'), ahead.stamp); // both running
  expect(ahead.atHand('shared')).toBe(ahead.atHand('shared')); // the latest read's copy
  ahead.operationEnded(first);
  // `x` was read before `second` started: no running operation can be its reader any more.
  expect(ahead.atHand('x')).toBeUndefined();
  expect(ahead.atHand('y')?.id).toBe('y');
  expect(ahead.atHand('shared')?.id).toBe('shared');
  expect(ahead.count).toBe(2);
  ahead.operationEnded(second);
  expect(ahead.count).toBe(0);

  // The later operation ending first keeps what the earlier one may still take.
  const third = {};
  const fourth = {};
  ahead.operationStarted(third);
  ahead.operationStarted(fourth);
  ahead.keep(ends('z'), ahead.stamp);
  ahead.operationEnded(fourth);
  expect(ahead.atHand('z')?.id).toBe('z');
  ahead.operationEnded(third);
  expect(ahead.atHand('z')).toBeUndefined();
});

test('reads made outside any operation are kept KEEP_MS; an operation never ended does not hold reads for ever', () => {
  jest.useFakeTimers();
  const ahead = new EndsAhead(async () => new Map());
  ahead.keep(ends('a'), ahead.stamp);
  jest.advanceTimersByTime(KEEP_MS - 1);
  expect(ahead.atHand('a')?.id).toBe('a');
  jest.advanceTimersByTime(1);
  expect(ahead.atHand('a')).toBeUndefined();

  const lost = {};
  ahead.operationStarted(lost); // its answer is never sent
  for (let i = 0; i < MAX_RUNNING - 1; i++) ahead.operationStarted({});
  const last = {};
  ahead.operationStarted(last); // one more than MAX_RUNNING: `lost` is taken for ended
  ahead.keep(ends('b'), ahead.stamp);
  ahead.operationEnded(last);
  expect(ahead.atHand('b')?.id).toBe('b'); // the others still run
  jest.advanceTimersByTime(KEEP_MS);
  expect(ahead.atHand('b')).toBeUndefined(); // and KEEP_MS bounds it whatever runs
});

test('a read under way when the corpus changes is not kept', async () => {
  let answer: (found: Map<string, EntityAttributes>) => void = () => undefined;
  const ahead = new EndsAhead(() => new Promise((resolve) => (answer = resolve)));
  const operation = {};
  ahead.operationStarted(operation);
  const reading = ahead.readAhead([{ subject: 'a', object: 'b' }]);
  ahead.clear();
  answer(new Map(ends('a', 'b').map((e) => [e.id, e])));
  await reading;
  expect(ahead.atHand('a')).toBeUndefined();
  expect(ahead.count).toBe(0);
});
