/**
 * The timeline on dated events: the seed article dates none of its events, so its order and its `from`/`to`
 * filters are tested here on a graph built in code.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { addEntity, sampleGraph } from '../utils/sampleGraph.js';
import { at, listAt } from './seed.js';

let graph: NewsGraph;
beforeAll(() => {
  graph = sampleGraph(); // holds kyiv-attack, dated 2025-04-24
  const event = (id: string, time?: string, articles?: string[]): void =>
    addEntity(graph, {
      id,
      kind: 'EVENT',
      name: id,
      properties: { eventType: 'MEETING', status: 'occurred', ...(time === undefined ? {} : { time }) },
      ...(articles === undefined ? {} : { articles }),
    });
  // No time of its own, but the sample article (published 2025-04-24) reports it: it sorts at that date.
  event('reported-undated');
  // Neither a time nor a dated article: last.
  event('undated', undefined, []);
  event('may-meeting', '2025-05-01');
  event('before-deadline', '../2025-04-29');
  event('same-day-later', '2025-04-24');
  event('march-talks', '2025-03-10/2025-03-12');
});

async function timeline(args = ''): Promise<string[]> {
  const result = await executeQuery(graph, `{ timeline${args} { id } }`);
  expect(result.errors).toBeUndefined();
  return listAt(result.data, 'timeline').map((event) => String(at(event, 'id')));
}

test('events come in time order (an open start sorts at its end, no time at its article date), ties in graph order, undated last', async () => {
  expect(await timeline()).toEqual(['march-talks', 'kyiv-attack', 'reported-undated', 'same-day-later', 'before-deadline', 'may-meeting', 'undated']);
});

test('from and to keep the events whose time falls within them, at day or month precision; undated events drop out', async () => {
  expect(await timeline('(from: "2025-04-24", to: "2025-04-24")')).toEqual(['kyiv-attack', 'reported-undated', 'same-day-later']);
  expect(await timeline('(from: "2025-04", to: "2025-04")')).toEqual(['kyiv-attack', 'reported-undated', 'same-day-later', 'before-deadline']);
  expect(await timeline('(from: "2025-04-25")')).toEqual(['before-deadline', 'may-meeting']);
  expect(await timeline('(to: "2025-03")')).toEqual(['march-talks']);
});

test('eventType and status filter', async () => {
  expect(await timeline('(eventType: ["ATTACK"])')).toEqual(['kyiv-attack']);
  expect(await timeline('(status: ["planned"])')).toEqual([]);
});
