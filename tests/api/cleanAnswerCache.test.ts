/**
 * What the response cache stores, now that it reads the answer's outcome from the request guards (cleanAnswers.ts)
 * instead of parsing the answer's JSON again: a clean answer (data, no errors) is stored and then answered from the
 * cache byte for byte; a partial answer (data and an error), an answer replaced by the execution budget's error, and
 * a refusal are never stored, however often they are asked.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { header, postGraphQL } from '../serving/http.js';
import { seedGraph } from './seed.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false, logger: QUIET, limits: { maxResponseBytes: 2_000, maxCost: 500 } });
});
afterAll(async () => {
  await server.close();
});

test('a clean answer is stored and answered again from the cache, the same bytes', async () => {
  const query = '{ entities(first: 2) { totalCount edges { node { id } } } }';
  const first = await postGraphQL(server.url, query);
  expect(header(first, 'newsgraph-cache')).toBe('miss');
  const again = await postGraphQL(server.url, `${query} # spelt another way`);
  expect(header(again, 'newsgraph-cache')).toBe('hit');
  expect(again.body.equals(first.body)).toBe(true);
});

test.each([
  ['a partial answer (data and an error)', '{ entities(first: 1) { totalCount } relations(subject: "no-such-entity", first: 1) { totalCount } }', 'NOT_FOUND'],
  ["an answer replaced by the execution budget's error", '{ entities(first: 100) { edges { node { id name description } } } }', 'RESPONSE_TOO_LARGE'],
  ['a refusal before execution', '{ entities(first: 200) { edges { node { id name } } } }', 'QUERY_TOO_COSTLY'],
])('%s is never stored', async (_what, query, code) => {
  for (let i = 0; i < 3; i++) {
    const response = await postGraphQL(server.url, query);
    expect(header(response, 'newsgraph-cache')).toBeUndefined();
    const json = JSON.parse(response.body.toString('utf8')) as { errors?: { extensions?: { code?: string } }[] };
    expect(json.errors?.map((e) => e.extensions?.code)).toContain(code);
  }
});
