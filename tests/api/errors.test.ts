/**
 * Errors carry a machine-readable code and never a stack trace; unexpected ones are masked for the client
 * and logged, with their stack, on the server.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createApolloServer, executeQuery, MASKED_MESSAGE, startServer, type RunningServer, type ServerLogger } from '../../src/api/index.js';
import { boundedMessage, MAX_MESSAGE_CHARS } from '../../src/api/errors.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { addEntity, anchor, sampleGraph } from '../utils/sampleGraph.js';
import { askInProcess, askOverHttp, codesOf, seedGraph, type Ask, type ResultJson } from './seed.js';

/** A logger that keeps what it is told. */
function recordingLogger(): ServerLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (message) => errors.push(String(message)) };
}

/** A graph whose evidence quotes an article it does not hold: a broken snapshot, as a reader could meet one. */
function brokenGraph(): NewsGraph {
  const g = sampleGraph();
  addEntity(g, { id: 'orphan', kind: 'PLACE', name: 'Orphan', properties: {}, evidence: [{ ...anchor('Kyiv'), article: 'missing-article' }] });
  return g;
}

const BROKEN_QUERY = '{ entity(id: "orphan") { id evidence { exact article { title } } } }';

function expectNoStackTrace(result: ResultJson): void {
  const json = JSON.stringify(result);
  expect(json).not.toMatch(/stacktrace|exception|\bat .*\.(ts|js):\d+/);
}

let seed: NewsGraph;
let server: RunningServer;
const serverLogger = recordingLogger();
beforeAll(async () => {
  seed = await seedGraph();
  server = await startServer({ graph: brokenGraph(), port: 0, handleSignals: false, logger: serverLogger });
});
afterAll(async () => {
  await server.close();
});

test('an unexpected error is masked as INTERNAL_SERVER_ERROR for the client and logged with its stack', async () => {
  const logger = recordingLogger();
  const ask = askInProcess(createApolloServer(brokenGraph(), { logger }));
  const result = await ask(BROKEN_QUERY);
  expect(codesOf(result)).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(result.errors?.[0]?.message).toBe(MASKED_MESSAGE);
  expect(result.errors?.[0]?.['path']).toEqual(['entity', 'evidence', 0, 'article']);
  expect(result.data).toEqual({ entity: null });
  expectNoStackTrace(result);
  expect(logger.errors).toHaveLength(1);
  expect(logger.errors[0]).toContain('missing-article');
  expect(logger.errors[0]).toMatch(/\n\s+at /);
});

test('over HTTP too: masked, no stack trace, logged on the server', async () => {
  const before = serverLogger.errors.length;
  const result = await askOverHttp(server.url)(BROKEN_QUERY);
  expect(codesOf(result)).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(result.errors?.[0]?.message).toBe(MASKED_MESSAGE);
  expectNoStackTrace(result);
  expect(serverLogger.errors.length).toBe(before + 1);
});

test('executeQuery masks the same way', async () => {
  const logger = recordingLogger();
  const result = await executeQuery(brokenGraph(), BROKEN_QUERY, { logger });
  expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(logger.errors).toHaveLength(1);
});

test.each([
  ['an unknown id in path()', '{ path(from: "donald-trum", to: "russia") { id } }', 'NOT_FOUND'],
  ['an unknown target in path()', '{ path(from: "russia", to: "nowhere") { id } }', 'NOT_FOUND'],
  ['maxHops out of range', '{ path(from: "russia", to: "ukraine", maxHops: 99) { id } }', 'BAD_USER_INPUT'],
  ['a search limit out of range', '{ search(text: "x", limit: 1000) { id } }', 'BAD_USER_INPUT'],
  ['a neighbourhood too deep', '{ entity(id: "russia") { neighbors(depth: 7) { distance } } }', 'BAD_USER_INPUT'],
  ['an unknown predicate on an entity', '{ entity(id: "russia") { relations(predicate: ["ATACKED"]) { id } } }', 'BAD_USER_INPUT'],
  ['a predicate where an event role belongs', '{ entity(id: "russia") { ... on Actor { events(role: ["REJECTED"]) { id } } } }', 'BAD_USER_INPUT'],
  ['an unknown event type in the timeline', '{ timeline(eventType: ["MEETNG"]) { id } }', 'BAD_USER_INPUT'],
  ['an unknown status in the timeline', '{ timeline(status: ["happened"]) { id } }', 'BAD_USER_INPUT'],
  ['a timeline bound that is not a date', '{ timeline(from: "April 2025") { id } }', 'BAD_USER_INPUT'],
  ['a syntax error', '{ entity(id: "russia") { id ', 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field', '{ entity(id: "russia") { nickname } }', 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable of the wrong type', 'query($k: EntityKind) { search(text: "x", kind: $k) { id } }', 'BAD_USER_INPUT'],
])('%s is refused with its code', async (_, query, code) => {
  for (const ask of [askInProcess(createApolloServer(seed)), askOverHttp(server.url)] satisfies Ask[]) {
    const result = await ask(query, { k: 'PLANET' });
    expect(codesOf(result)).toEqual([code]);
    expectNoStackTrace(result);
  }
});

test('a NOT_FOUND or unknown-name message names the value and suggests the near ones', async () => {
  const result = await executeQuery(seed, '{ path(from: "donald-trum", to: "russia") { id } }');
  expect(result.errors?.[0]?.message).toContain('"donald-trum"');
  expect(result.errors?.[0]?.message).toContain('"donald-trump"');
  expect(result.data).toEqual({ path: null });
  const eventType = await executeQuery(seed, '{ timeline(eventType: ["MEETNG"]) { id } }');
  expect(eventType.errors?.[0]?.message).toContain('"MEETING"');
  // entity(id) answers null for an unknown id, as API.md says: it is a lookup, not a reference.
  expect((await executeQuery(seed, '{ entity(id: "nobody") { id } }')).data).toEqual({ entity: null });
});

test('a message that names a long value is cut in the middle, over HTTP and from the export route alike', async () => {
  const id = `${'x'.repeat(40_000)}-the-end`;
  const answered = await askOverHttp(server.url)('query ($id: ID!) { path(from: $id, to: "kyiv") { id } }', { id });
  const message = answered.errors?.[0]?.message ?? '';
  expect(answered.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 60);
  expect(message).toMatch(/^from: no entity with id "xxx/u);
  expect(message).toContain(`[${(id.length - MAX_MESSAGE_CHARS + 'from: no entity with id "".'.length).toLocaleString('en-US')} characters left out]`);
  expect(message.endsWith('-the-end".')).toBe(true);

  const focus = `${'y'.repeat(6_000)}-last`;
  const exported = await fetch(`${server.url.replace(/\/graphql$/u, '')}/export/json?focus=${focus}`);
  expect(exported.status).toBe(404);
  const body = (await exported.json()) as ResultJson;
  const exportMessage = body.errors?.[0]?.message ?? '';
  expect(exportMessage.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 60);
  expect(exportMessage).toContain('-last"');
  // A short message is left whole.
  expect(boundedMessage('no entity with id "kyv".')).toBe('no entity with id "kyv".');
});
