/**
 * RecentLists (src/store/postgres/recentLists.ts): a field asked of one item of a list handed out is read for every
 * item at once, the other items take their answers from that read, and the answers are let go once every item took
 * its own. The reads are counted here (no database: the reader is a function of ours).
 */
import { expect, test } from '@jest/globals';
import { RecentLists } from '../../src/store/postgres/recentLists.js';

/** A reader that answers each id with `${field}:${id}` and counts its calls and the ids it was given. */
function counter(field: string): { read: (ids: string[]) => Promise<Map<string, string>>; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    read: async (ids) => {
      calls.push(ids);
      return new Map(ids.map((id) => [id, `${field}:${id}`]));
    },
  };
}

test("one read per field for the whole list, each item's own answer, an item asking twice served by the same read", async () => {
  const lists = new RecentLists();
  lists.remember(['e1', 'e2', 'e3']);
  const agents = counter('agents');
  const places = counter('places');
  const answers = await Promise.all([
    lists.ask('e1', 'agents', agents.read),
    lists.ask('e1', 'places', places.read),
    lists.ask('e1', 'agents', agents.read), // an alias of the same field
    lists.ask('e2', 'agents', agents.read),
    lists.ask('e2', 'places', places.read),
    lists.ask('e3', 'agents', agents.read),
    lists.ask('e3', 'places', places.read),
  ]);
  expect(answers).toEqual(['agents:e1', 'places:e1', 'agents:e1', 'agents:e2', 'places:e2', 'agents:e3', 'places:e3']);
  expect(agents.calls).toEqual([['e1', 'e2', 'e3']]);
  expect(places.calls).toEqual([['e1', 'e2', 'e3']]);
  // Every item took its answer: the answers were let go, and a new ask reads again (for the whole list).
  expect(await lists.ask('e2', 'agents', agents.read)).toBe('agents:e2');
  expect(agents.calls).toHaveLength(2);
});

test('an id of no list, a lone item, a cleared list: undefined (the caller looks it up as before)', async () => {
  const lists = new RecentLists();
  const agents = counter('agents');
  expect(lists.ask('e1', 'agents', agents.read)).toBeUndefined();
  lists.remember(['lone']);
  expect(lists.ask('lone', 'agents', agents.read)).toBeUndefined();
  lists.remember(['e1', 'e2']);
  lists.clear();
  expect(lists.ask('e1', 'agents', agents.read)).toBeUndefined();
  expect(agents.calls).toHaveLength(0);
  // A newer list holding an id takes it over.
  lists.remember(['e1', 'e2']);
  lists.remember(['e2', 'e9']);
  expect(await lists.ask('e2', 'agents', agents.read)).toBe('agents:e2');
  expect(agents.calls).toEqual([['e2', 'e9']]);
});

test('a failed read is said to the items that wait for it, and the next ask reads again', async () => {
  const lists = new RecentLists();
  lists.remember(['e1', 'e2', 'e3']);
  let fail = true;
  let reads = 0;
  const read = async (ids: string[]): Promise<Map<string, string>> => {
    reads++;
    if (fail) throw new Error('connection lost');
    return new Map(ids.map((id) => [id, id]));
  };
  await expect(lists.ask('e1', 'agents', read)).rejects.toThrow('connection lost');
  fail = false;
  expect(await lists.ask('e2', 'agents', read)).toBe('e2');
  expect(reads).toBe(2);
});
