/**
 * The execution budget: an operation over its time or answer size is stopped with one coded error that
 * replaces its answer; a long operation yields, so that a short one started after it finishes first.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { createApolloServer } from '../../src/api/index.js';
import { YIELD_EVERY_MS } from '../../src/api/executionBudget.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { askInProcess, dataOf, seedGraph } from '../api/seed.js';
import { waitingStore } from '../utils/waitingStore.js';

let graph: NewsGraph;
beforeAll(async () => {
  graph = await seedGraph();
}, 60_000);

/** The worst accepted query: evidence with article text, 26 aliases, first: 61. */
const WORST = `{ ${Array.from({ length: 26 }, (_, i) => `a${i}: relations(first: 61) { edges { node { evidence { exact article { text } } } } }`).join(' ')} }`;

test('an operation over its time budget is stopped with EXECUTION_TIMEOUT, one error, no data', async () => {
  const ask = askInProcess(createApolloServer(graph, { limits: { maxExecutionMs: 1, maxResponseBytes: 1e9 } }));
  const result = await ask(WORST);
  expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.['limit']])).toEqual([['EXECUTION_TIMEOUT', 1]]);
  expect(result.data).toBeUndefined();
});

test('an answer over its size budget is stopped with RESPONSE_TOO_LARGE', async () => {
  const ask = askInProcess(createApolloServer(graph, { limits: { maxResponseBytes: 10_000 } }));
  const result = await ask('{ articles { text } relations(first: 200) { edges { node { evidence { exact prefix suffix } } } } }');
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
});

test('ordinary questions are untouched by the default budget', async () => {
  const ask = askInProcess(createApolloServer(graph));
  const data = dataOf(await ask('{ relations(first: 5) { edges { node { id evidence { exact } } } } }'));
  expect(JSON.stringify(data)).toContain('exact');
});

test('a long operation yields: a trivial query started after it is answered first', async () => {
  const ask = askInProcess(createApolloServer(graph, { limits: { maxResponseBytes: 1e9, maxExecutionMs: 60_000 } }));
  await ask('{ __typename }'); // started, and warm
  const order: string[] = [];
  const long = ask(WORST).then(() => order.push('long'));
  await new Promise((resolve) => setImmediate(resolve)); // the long one is under way
  const short = ask('{ __typename }').then(() => order.push('short'));
  await Promise.all([long, short]);
  expect(order).toEqual(['short', 'long']);
}, 60_000);

test('the fields an operation defers in one slice share one turn of the event loop, not one turn each', async () => {
  const ask = askInProcess(createApolloServer(graph, { limits: { maxResponseBytes: 1e9, maxExecutionMs: 60_000 } }));
  await ask(WORST); // warm
  // Counts the turns of the loop (check phases) while the operation runs: a ticker that schedules itself runs once in each.
  let turns = 0;
  let counting = true;
  const tick = (): void => {
    if (!counting) return;
    turns++;
    setImmediate(tick);
  };
  const started = performance.now();
  setImmediate(tick);
  await ask(WORST);
  counting = false;
  const elapsedMs = performance.now() - started;
  // It yielded, but at most once per slice of YIELD_EVERY_MS (the last one shorter), whatever the machine's pace; one
  // turn per deferred field (every field after the first slice) was 212 turns here in about 100 ms: 7 times the bound.
  expect(turns).toBeGreaterThan(1);
  expect(turns).toBeLessThanOrEqual(elapsedMs / YIELD_EVERY_MS + 5);
}, 60_000);

test('after a wait for I/O an operation starts a new slice: the fields after the answer run before the next turn', async () => {
  const waiting = waitingStore(graph, { Kyiv: 5 * YIELD_EVERY_MS });
  // When the store's answer comes (a timer, the loop idle until then), a probe is queued for the next turn of the loop.
  const order: string[] = [];
  const search = waiting.search.bind(waiting);
  waiting.search = (text, options) =>
    Promise.resolve(search(text, options)).then((found) => {
      setImmediate(() => order.push('next turn'));
      return found;
    });
  const ask = askInProcess(createApolloServer(waiting, { limits: { maxResponseBytes: 1e9, maxExecutionMs: 60_000 } }));
  // Fields with resolvers after the wait (each is where the budget may yield), a few: far less than a slice of work.
  const query = '{ search(text: "Kyiv", limit: 3) { id articles(first: 1) { id } relations(first: 1) { id } } }';
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  await ask(query); // warm
  await nextTurn(); // its probe
  // Three tries: a thread taken off its core for a slice's 4 ms while these few fields run (a loaded machine) is still
  // deferred, as it should be; main's code deferred every time (the wait itself counted in the slice).
  const orders: string[][] = [];
  for (let attempt = 0; attempt < 3 && !orders.some((o) => o[0] === 'answered'); attempt++) {
    order.length = 0;
    const result = await ask(query).then((answer) => {
      order.push('answered');
      return answer;
    });
    await nextTurn();
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain('"articles":[{"id"');
    orders.push([...order]);
  }
  // The wait counted in the slice: the first field after it waited for a turn, after the probe (main's code).
  expect(orders).toContainEqual(['answered', 'next turn']);
}, 60_000);
